"""Widgets of the lesson screen: status line, output log, tensor table."""

"""studytorch: a terminal study tool for PyTorch basics."""

__version__ = "0.1.0"

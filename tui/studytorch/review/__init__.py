"""Spaced review of lesson cards: the deck, FSRS scheduling, stats and exports (no Textual)."""

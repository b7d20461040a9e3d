"""episodetui: a terminal episode tracker whose recaps cannot spoil you."""

__version__ = "0.1.0"

"""taskreg: the register of tasks a provincial People's Committee assigns, and its figures."""

__version__ = "0.1.0"

"""DeepSeek Shock: how a news event moved markets — the library behind the dashboard."""

__version__ = "0.1.0"

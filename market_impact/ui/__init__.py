"""The only place Streamlit is imported in the library: cached loaders, widgets, URL state."""

"""Floor for the AppTest rerun benchmark: a page that renders one line of text."""

import streamlit as st

st.write("empty")

"""Floor for the browser benchmark: a bare Streamlit page with one Plotly chart of real NVDA closes.

Reads the snapshot directly (no library, no caching layers, no events) — the least a one-chart page can do.
"""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

df = pd.read_parquet("seeds/prices/snapshot.parquet", filters=[("symbol", "==", "NVDA")])
df = df[(df["date"] >= "2024-12-01") & (df["date"] <= "2025-02-28")]
st.plotly_chart(go.Figure(go.Scatter(x=df["date"], y=df["close"], mode="lines")))

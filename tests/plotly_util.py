"""Read values back out of a Plotly JSON spec (Plotly ≥6 ships numeric arrays as base64 typed arrays)."""

import base64
import json

import numpy as np


def values(v):
    if isinstance(v, dict) and "bdata" in v:
        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        return arr.reshape(v["shape"]).tolist() if "shape" in v and isinstance(v["shape"], list) else arr.tolist()
    return list(v) if v is not None else []


def spec_of(element) -> dict:
    return json.loads(element.proto.spec)

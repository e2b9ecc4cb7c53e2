#!/usr/bin/env python3
"""Names the cultivar (1, 2 or 3) of one wine with model.json, using the Python standard library only.

    python3 predict.py 14.23 1.71 2.43 15.6 127 2.8 3.06 0.28 2.29 5.64 1.04 3.92 1065
    (the 13 measurements in the column order of alice/wine, cultivar column left out)
"""
import json
import os
import sys


def predict(model, measurements):
    x = dict(zip(model["feature_names"], measurements))
    node = model["nodes"][0]
    path = []
    while not node.get("leaf"):
        go_left = x[node["feature"]] <= node["threshold"]
        path.append(f'{node["feature"]} {"<=" if go_left else ">"} {node["threshold"]}')
        node = model["nodes"][node["left"] if go_left else node["right"]]
    return node["cultivar"], path


if __name__ == "__main__":
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.json")) as f:
        model = json.load(f)
    if len(sys.argv) != 1 + len(model["feature_names"]):
        sys.exit("usage: predict.py " + " ".join(model["feature_names"]))
    cultivar, path = predict(model, [float(a) for a in sys.argv[1:]])
    print("cultivar", cultivar, "because", "; ".join(path))

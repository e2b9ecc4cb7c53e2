#!/usr/bin/env python3
"""Classifies one iris flower with model.json, using the Python standard library only.

    python3 predict.py 5.1 3.5 1.4 0.2     # sepal_length sepal_width petal_length petal_width, in cm
"""
import json
import math
import os
import sys


def predict(model, measurements):
    z = [(x - m) / s for x, m, s in zip(measurements, model["standardization"]["mean"], model["standardization"]["std"])]
    logits = [sum(w * v for w, v in zip(row, z)) + b for row, b in zip(model["coefficients"], model["intercepts"])]
    top = max(logits)
    exps = [math.exp(l - top) for l in logits]
    return {name: e / sum(exps) for name, e in zip(model["class_names"], exps)}


if __name__ == "__main__":
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.json")) as f:
        model = json.load(f)
    if len(sys.argv) != 1 + len(model["feature_names"]):
        sys.exit("usage: predict.py " + " ".join(model["feature_names"]))
    probabilities = predict(model, [float(a) for a in sys.argv[1:]])
    for name, p in sorted(probabilities.items(), key=lambda item: -item[1]):
        print(f"{name:<12} {p:.4f}")

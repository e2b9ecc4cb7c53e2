#!/usr/bin/env python3
"""Rebuilds the generated files of the demo catalogue under catalog/.

1. Writes the data files of the demo datasets from copies shipped in Debian packages. Values are copied as
   text, never re-formatted, so each file holds the numbers exactly as shipped.
2. Runs each demo model's train.py on those files, which rewrites its model.json, config.json and metrics.json.

Needs python3-sklearn (scikit-learn's bundled CSV files, numpy) and r-base-core (R's datasets package):
    apt-get install -y --no-install-recommends python3-sklearn r-base-core
    python3 src/main/demo/make_catalog.py

The README.md cards and asset.properties files are written by hand; if a number changes, update the card.
"""
import csv
import io
import json
import os
import subprocess
import sys

import sklearn.datasets
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "catalog")
SKLEARN_DATA = os.path.join(os.path.dirname(sklearn.datasets.__file__), "data")
SPLIT_SEED = 42


def sklearn_csv(name):
    """scikit-learn's bundled CSV: first line 'n_samples,n_features,class names...', then rows, last cell the class index."""
    with open(os.path.join(SKLEARN_DATA, name), newline="") as f:
        rows = list(csv.reader(f))
    n_samples, n_features = int(rows[0][0]), int(rows[0][1])
    classes = rows[0][2:]
    body = rows[1:]
    assert len(body) == n_samples and all(len(r) == n_features + 1 for r in body), name
    return classes, body


def write_csv(path, header, rows, delimiter=","):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def number(text):
    return int(text) if text.lstrip("-").isdigit() else float(text)


def iris():
    classes, body = sklearn_csv("iris.csv")
    header = ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    rows = [r[:4] + [classes[int(r[4])]] for r in body]
    base = os.path.join(CATALOG, "datasets", "alice", "iris")
    # v1.0: the whole table.
    write_csv(os.path.join(base, "v1.0", "data", "iris.csv"), header, rows)
    # v1.1: the same table, the same table as JSON Lines, and a stratified 80/20 train/test split.
    write_csv(os.path.join(base, "v1.1", "data", "iris.csv"), header, rows)
    with open(os.path.join(base, "v1.1", "data", "iris.jsonl"), "w") as f:
        for r in rows:
            record = {h: number(v) for h, v in zip(header[:4], r[:4])}
            record["species"] = r[4]
            f.write(json.dumps(record) + "\n")
    train, test = train_test_split(rows, test_size=0.2, random_state=SPLIT_SEED, stratify=[r[4] for r in rows])
    write_csv(os.path.join(base, "v1.1", "data", "train.csv"), header, train)
    write_csv(os.path.join(base, "v1.1", "data", "test.csv"), header, test)


WINE_COLUMNS = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
                "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines",
                "proline"]


def wine():
    classes, body = sklearn_csv("wine_data.csv")
    assert classes == ["class_0", "class_1", "class_2"]
    # UCI's wine.data numbers the cultivars 1, 2, 3; scikit-learn's copy numbers them 0, 1, 2 in the same order.
    rows = [[str(int(r[13]) + 1)] + r[:13] for r in body]
    write_csv(os.path.join(CATALOG, "datasets", "alice", "wine", "v1.0", "data", "wine.csv"),
              ["cultivar"] + WINE_COLUMNS, rows)


BREAST_FEATURES = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                   "concave_points", "symmetry", "fractal_dimension"]


def breast_cancer():
    classes, body = sklearn_csv("breast_cancer.csv")
    assert classes == ["malignant", "benign"]
    header = ["diagnosis"] + [f"{feature}_{stat}" for stat in ("mean", "se", "worst") for feature in BREAST_FEATURES]
    # UCI's wdbc.data codes the diagnosis M (malignant) or B (benign); scikit-learn's copy codes it 0 or 1.
    rows = [["M" if r[30] == "0" else "B"] + r[:30] for r in body]
    write_csv(os.path.join(CATALOG, "datasets", "carol", "breast-cancer-wisconsin", "v1.0", "data", "wdbc.csv"),
              header, rows)


def airquality():
    out = subprocess.run(["Rscript", "-e", "write.table(datasets::airquality, stdout(), sep='\\t', quote=FALSE, "
                                           "row.names=FALSE, na='NA')"],
                         check=True, capture_output=True, text=True).stdout
    table = list(csv.reader(io.StringIO(out), delimiter="\t"))
    header, body = table[0], table[1:]
    assert header == ["Ozone", "Solar.R", "Wind", "Temp", "Month", "Day"] and len(body) == 153
    # A derived Date column in front (every reading is from 1973); the six columns follow as R ships them.
    rows = [["1973-%02d-%02d" % (int(r[4]), int(r[5]))] + r for r in body]
    write_csv(os.path.join(CATALOG, "datasets", "carol", "air-quality-new-york", "v1.0", "data", "airquality.tsv"),
              ["Date"] + header, rows, delimiter="\t")


MODELS = [  # (model version folder, train.py arguments), in dependency order
    ("models/carol/iris-logreg/v1.0", ["--data-dir", "datasets/alice/iris/v1.1"]),
    ("models/carol/iris-logreg-v2/v1.0", ["--data-dir", "datasets/alice/iris/v1.1",
                                          "--base-model", "models/carol/iris-logreg/v1.0"]),
    ("models/alice/wine-tree/v1.0", ["--data-dir", "datasets/alice/wine/v1.0"]),
]


def train_models():
    for folder, arguments in MODELS:
        paths = [os.path.join(CATALOG, a) if a.startswith(("datasets/", "models/")) else a for a in arguments]
        print("training", folder, file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(CATALOG, folder, "train.py")] + paths, check=True)


if __name__ == "__main__":
    iris()
    wine()
    breast_cancer()
    airquality()
    print("datasets written under", os.path.relpath(CATALOG), file=sys.stderr)
    train_models()

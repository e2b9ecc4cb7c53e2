#!/usr/bin/env python3
"""Trains carol/iris-logreg: multinomial logistic regression on the standardised Iris measurements.

Data: data/train.csv and data/test.csv of the dataset alice/iris (version v1.1, an 80/20 split stratified
by species, made with scikit-learn's train_test_split and random_state=42).

    python3 train.py --data-dir path/to/alice/iris     # a folder holding data/train.csv and data/test.csv
    python3 train.py                                   # downloads both files from a Guildhall server

Without --data-dir the files are fetched with huggingface_hub from $GUILDHALL_ENDPOINT
(default http://localhost:9080). Writes model.json, config.json and metrics.json next to this script
(or into --out). Tested with scikit-learn 1.2.1 and numpy 1.24.2.
"""
import argparse
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, log_loss
from sklearn.preprocessing import StandardScaler

FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
CLASSES = ["setosa", "versicolor", "virginica"]
HYPERPARAMETERS = {"penalty": "l2", "C": 1.0, "solver": "lbfgs", "multi_class": "multinomial", "max_iter": 1000,
                   "tol": 1e-8}
SPLIT_SEED = 42


def data_file(data_dir, name):
    if data_dir:
        return os.path.join(data_dir, "data", name)
    from huggingface_hub import hf_hub_download
    return hf_hub_download(repo_id="alice/iris", filename="data/" + name, repo_type="dataset",
                           endpoint=os.environ.get("GUILDHALL_ENDPOINT", "http://localhost:9080"))


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows])
    y = np.array([CLASSES.index(r["species"]) for r in rows])
    return x, y


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", help="folder of alice/iris v1.1 (holds data/train.csv and data/test.csv)")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()

    x_train, y_train = load(data_file(args.data_dir, "train.csv"))
    x_test, y_test = load(data_file(args.data_dir, "test.csv"))

    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(**HYPERPARAMETERS).fit(scaler.transform(x_train), y_train)

    probabilities = model.predict_proba(scaler.transform(x_test))
    predicted = probabilities.argmax(axis=1)
    metrics = {
        "dataset": "alice/iris",
        "dataset_version": "v1.1",
        "split_seed": SPLIT_SEED,
        "train_rows": int(len(y_train)),
        "test_rows": int(len(y_test)),
        "train_accuracy": float(accuracy_score(y_train, model.predict(scaler.transform(x_train)))),
        "test_accuracy": float(accuracy_score(y_test, predicted)),
        "test_correct": int((predicted == y_test).sum()),
        "test_log_loss": round(float(log_loss(y_test, probabilities, labels=[0, 1, 2])), 6),
        "test_confusion_matrix": confusion_matrix(y_test, predicted, labels=[0, 1, 2]).tolist(),
    }
    weights = {
        "model_type": "multinomial_logistic_regression",
        "feature_names": FEATURES,
        "class_names": CLASSES,
        "standardization": {"mean": scaler.mean_.tolist(), "std": scaler.scale_.tolist()},
        "coefficients": model.coef_.tolist(),
        "intercepts": model.intercept_.tolist(),
        "how_to_predict": "z = (x - mean) / std; logits = coefficients @ z + intercepts; "
                          "probabilities = softmax(logits); class = class_names[argmax]",
    }
    config = {
        "model_type": "multinomial_logistic_regression",
        "library": "scikit-learn",
        "library_version": sklearn.__version__,
        "hyperparameters": HYPERPARAMETERS,
        "preprocessing": "standardise each feature with the training split's mean and population std",
        "num_features": len(FEATURES),
        "num_classes": len(CLASSES),
        "feature_names": FEATURES,
        "class_names": CLASSES,
        "training_data": {"dataset": "alice/iris", "version": "v1.1", "train_file": "data/train.csv",
                          "test_file": "data/test.csv", "split_seed": SPLIT_SEED},
    }
    for name, content in (("model.json", weights), ("config.json", config), ("metrics.json", metrics)):
        with open(os.path.join(args.out, name), "w") as f:
            json.dump(content, f, indent=2)
            f.write("\n")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

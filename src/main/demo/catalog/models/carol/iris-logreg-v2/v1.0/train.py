#!/usr/bin/env python3
"""Trains carol/iris-logreg-v2: carol/iris-logreg retrained with a cross-validated L2 strength, warm-started.

1. Reads the base model carol/iris-logreg (model.json): its standardisation and its weights.
2. Chooses the inverse L2 strength C by 5-fold stratified cross-validation (shuffled, random_state=42) on
   alice/iris data/train.csv only, among C_GRID; ties go to the smallest C (the strongest regularisation).
   The test split is not looked at for this choice.
3. Fits on the whole train split with that C, starting from the base model's coefficients and intercepts
   (scikit-learn's warm_start), in the base model's standardised feature space.
4. Evaluates once on alice/iris data/test.csv (v1.1, split seed 42).

    python3 train.py --data-dir path/to/alice/iris --base-model path/to/carol/iris-logreg
    python3 train.py      # downloads the data and the base model from $GUILDHALL_ENDPOINT (default http://localhost:9080)

Writes model.json, config.json and metrics.json next to this script (or into --out).
Tested with scikit-learn 1.2.1 and numpy 1.24.2.
"""
import argparse
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, log_loss
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
CLASSES = ["setosa", "versicolor", "virginica"]
C_GRID = [0.01, 0.1, 1.0, 10.0, 100.0]
FIXED = {"penalty": "l2", "solver": "lbfgs", "multi_class": "multinomial", "max_iter": 1000, "tol": 1e-8}
SEED = 42


def endpoint():
    return os.environ.get("GUILDHALL_ENDPOINT", "http://localhost:9080")


def data_file(data_dir, name):
    if data_dir:
        return os.path.join(data_dir, "data", name)
    from huggingface_hub import hf_hub_download
    return hf_hub_download(repo_id="alice/iris", filename="data/" + name, repo_type="dataset", endpoint=endpoint())


def base_model_file(base_dir):
    if base_dir:
        return os.path.join(base_dir, "model.json")
    from huggingface_hub import hf_hub_download
    return hf_hub_download(repo_id="carol/iris-logreg", filename="model.json", endpoint=endpoint())


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows])
    y = np.array([CLASSES.index(r["species"]) for r in rows])
    return x, y


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", help="folder of alice/iris v1.1 (holds data/train.csv and data/test.csv)")
    parser.add_argument("--base-model", help="folder of carol/iris-logreg v1.0 (holds model.json)")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()

    x_train, y_train = load(data_file(args.data_dir, "train.csv"))
    x_test, y_test = load(data_file(args.data_dir, "test.csv"))
    with open(base_model_file(args.base_model)) as f:
        base = json.load(f)
    assert base["feature_names"] == FEATURES and base["class_names"] == CLASSES

    # The base model's input space: its standardisation, which was computed on this same train split.
    mean = np.array(base["standardization"]["mean"])
    std = np.array(base["standardization"]["std"])
    assert np.allclose(mean, x_train.mean(axis=0)) and np.allclose(std, x_train.std(axis=0))
    z_train, z_test = (x_train - mean) / std, (x_test - mean) / std

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    cv_accuracy = {}
    for c in C_GRID:
        pipeline = make_pipeline(StandardScaler(), LogisticRegression(C=c, **FIXED))
        cv_accuracy[c] = float(cross_val_score(pipeline, x_train, y_train, cv=folds).mean())
    best_c = min(c for c in C_GRID if cv_accuracy[c] == max(cv_accuracy.values()))

    model = LogisticRegression(C=best_c, warm_start=True, **FIXED)
    model.coef_ = np.array(base["coefficients"])
    model.intercept_ = np.array(base["intercepts"])
    model.fit(z_train, y_train)
    cold = LogisticRegression(C=best_c, **FIXED).fit(z_train, y_train)

    probabilities = model.predict_proba(z_test)
    predicted = probabilities.argmax(axis=1)
    metrics = {
        "dataset": "alice/iris",
        "dataset_version": "v1.1",
        "split_seed": SEED,
        "cv": {"folds": 5, "shuffle_seed": SEED, "mean_accuracy_by_C": {str(c): round(a, 6) for c, a in cv_accuracy.items()},
               "chosen_C": best_c},
        "lbfgs_iterations_warm_start": int(model.n_iter_[0]),
        "lbfgs_iterations_cold_start": int(cold.n_iter_[0]),
        "max_abs_weight_difference_warm_vs_cold": float(np.abs(model.coef_ - cold.coef_).max()),
        "train_rows": int(len(y_train)),
        "test_rows": int(len(y_test)),
        "train_accuracy": float(accuracy_score(y_train, model.predict(z_train))),
        "test_accuracy": float(accuracy_score(y_test, predicted)),
        "test_correct": int((predicted == y_test).sum()),
        "test_log_loss": round(float(log_loss(y_test, probabilities, labels=[0, 1, 2])), 6),
        "test_confusion_matrix": confusion_matrix(y_test, predicted, labels=[0, 1, 2]).tolist(),
    }
    weights = {
        "model_type": "multinomial_logistic_regression",
        "feature_names": FEATURES,
        "class_names": CLASSES,
        "standardization": {"mean": mean.tolist(), "std": std.tolist()},
        "coefficients": model.coef_.tolist(),
        "intercepts": model.intercept_.tolist(),
        "how_to_predict": "z = (x - mean) / std; logits = coefficients @ z + intercepts; "
                          "probabilities = softmax(logits); class = class_names[argmax]",
    }
    config = {
        "model_type": "multinomial_logistic_regression",
        "library": "scikit-learn",
        "library_version": sklearn.__version__,
        "base_model": "carol/iris-logreg",
        "initialisation": "coefficients and intercepts of carol/iris-logreg v1.0 (warm start)",
        "hyperparameters": dict(FIXED, C=best_c),
        "hyperparameter_search": {"C_grid": C_GRID, "method": "5-fold stratified CV on the train split",
                                  "shuffle_seed": SEED},
        "preprocessing": "the base model's standardisation (train split mean and population std)",
        "num_features": len(FEATURES),
        "num_classes": len(CLASSES),
        "feature_names": FEATURES,
        "class_names": CLASSES,
        "training_data": {"dataset": "alice/iris", "version": "v1.1", "train_file": "data/train.csv",
                          "test_file": "data/test.csv", "split_seed": SEED},
    }
    for name, content in (("model.json", weights), ("config.json", config), ("metrics.json", metrics)):
        with open(os.path.join(args.out, name), "w") as f:
            json.dump(content, f, indent=2)
            f.write("\n")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Trains alice/wine-tree: a depth-3 decision tree telling the three cultivars of alice/wine apart.

Data: data/wine.csv of the dataset alice/wine (v1.0, 178 rows). The dataset has no split, so this script
makes one: 80/20, stratified by cultivar, scikit-learn's train_test_split with random_state=42
(142 training rows, 36 test rows). The tree itself is grown with random_state=42.

    python3 train.py --data-dir path/to/alice/wine    # a folder holding data/wine.csv
    python3 train.py                                  # downloads data/wine.csv from a Guildhall server

Without --data-dir the file is fetched with huggingface_hub from $GUILDHALL_ENDPOINT
(default http://localhost:9080). Writes model.json, config.json, metrics.json and tree.txt next to this
script (or into --out). Tested with scikit-learn 1.2.1 and numpy 1.24.2.
"""
import argparse
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, export_text

FEATURES = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
            "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines",
            "proline"]
CLASSES = [1, 2, 3]
SEED = 42
HYPERPARAMETERS = {"criterion": "gini", "max_depth": 3, "min_samples_leaf": 1, "random_state": SEED}


def data_file(data_dir):
    if data_dir:
        return os.path.join(data_dir, "data", "wine.csv")
    from huggingface_hub import hf_hub_download
    return hf_hub_download(repo_id="alice/wine", filename="data/wine.csv", repo_type="dataset",
                           endpoint=os.environ.get("GUILDHALL_ENDPOINT", "http://localhost:9080"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", help="folder of alice/wine v1.0 (holds data/wine.csv)")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()

    with open(data_file(args.data_dir), newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) for c in FEATURES] for r in rows])
    y = np.array([int(r["cultivar"]) for r in rows])
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=SEED, stratify=y)

    tree = DecisionTreeClassifier(**HYPERPARAMETERS).fit(x_train, y_train)
    predicted = tree.predict(x_test)
    t = tree.tree_
    nodes = []  # thresholds as the shortest decimal of scikit-learn's float32 value, e.g. 3.82
    for i in range(t.node_count):
        counts = t.value[i][0]
        node = {"id": i, "samples": int(t.n_node_samples[i]),
                "class_counts": [int(round(v)) for v in counts]}
        if t.children_left[i] == -1:
            node["leaf"] = True
            node["cultivar"] = CLASSES[int(np.argmax(counts))]
        else:
            node.update({"feature": FEATURES[t.feature[i]], "threshold": float(str(np.float32(t.threshold[i]))),
                         "left": int(t.children_left[i]), "right": int(t.children_right[i])})
        nodes.append(node)

    metrics = {
        "dataset": "alice/wine",
        "dataset_version": "v1.0",
        "split": "80/20 stratified by cultivar",
        "split_seed": SEED,
        "train_rows": int(len(y_train)),
        "test_rows": int(len(y_test)),
        "train_accuracy": float(accuracy_score(y_train, tree.predict(x_train))),
        "test_accuracy": float(accuracy_score(y_test, predicted)),
        "test_correct": int((predicted == y_test).sum()),
        "test_confusion_matrix": confusion_matrix(y_test, predicted, labels=CLASSES).tolist(),
        "depth": int(tree.get_depth()),
        "leaves": int(tree.get_n_leaves()),
    }
    model = {
        "model_type": "decision_tree_classifier",
        "feature_names": FEATURES,
        "class_names": CLASSES,
        "how_to_predict": "start at node 0; while the node is not a leaf, go to 'left' if "
                          "x[feature] <= threshold, else to 'right'; answer the leaf's cultivar",
        "nodes": nodes,
    }
    config = {
        "model_type": "decision_tree_classifier",
        "library": "scikit-learn",
        "library_version": sklearn.__version__,
        "hyperparameters": HYPERPARAMETERS,
        "preprocessing": "none (raw measurements)",
        "num_features": len(FEATURES),
        "num_classes": len(CLASSES),
        "feature_names": FEATURES,
        "class_names": CLASSES,
        "training_data": {"dataset": "alice/wine", "version": "v1.0", "file": "data/wine.csv",
                          "split": "80/20 stratified by cultivar", "split_seed": SEED},
    }
    for name, content in (("model.json", model), ("config.json", config), ("metrics.json", metrics)):
        with open(os.path.join(args.out, name), "w") as f:
            json.dump(content, f, indent=2)
            f.write("\n")
    with open(os.path.join(args.out, "tree.txt"), "w") as f:
        f.write(export_text(tree, feature_names=FEATURES, decimals=3))
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

// Reads a running Guildhall with the Hugging Face Hub's own JavaScript client, pointed at it through hubUrl.
// Usage: node check.mjs <guildhall base URL>. Prints one JSON object of what the client saw; exits 1 on failure.
import { createHash } from "node:crypto";
import { datasetInfo, downloadFile, fileDownloadInfo, modelInfo } from "@huggingface/hub";

const hubUrl = process.argv[2];
const seen = {};

const model = await modelInfo({ name: "carol/iris-logreg", hubUrl, additionalFields: ["author", "cardData", "sha"] });
seen.model = { name: model.name, task: model.task, author: model.author, sha: model.sha,
  datasets: model.cardData?.datasets, updatedAt: model.updatedAt.toISOString() };

const dataset = await datasetInfo({ name: "alice/iris", hubUrl, revision: "v1.0" });
seen.dataset = { name: dataset.name, private: dataset.private, updatedAt: dataset.updatedAt.toISOString() };

const info = await fileDownloadInfo({ repo: "datasets/alice/iris", path: "data/iris.csv", hubUrl });
seen.info = { size: info.size, etag: info.etag };

const blob = await downloadFile({ repo: "datasets/alice/iris", path: "data/iris.csv", hubUrl });
const bytes = Buffer.from(await blob.arrayBuffer());
seen.download = { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"),
  header: bytes.toString("utf8").split("\n")[0] };

const part = await blob.slice(0, 12).text();
seen.slice = part;

seen.missing = await fileDownloadInfo({ repo: "datasets/alice/iris", path: "no-such-file.csv", hubUrl });

console.log(JSON.stringify(seen));

#!/usr/bin/python3
"""Writes the ONNX fixtures of the tests and the predictions they must give, with Debian's python3-onnx and numpy
(apt-get install python3-onnx). Run once from this folder; the tests only read the files it writes.

- logreg_tensor.onnx: logistic regression, one float tensor input "float_input" [N, 3] (x1, x2, x3), outputs
  "label" int64 [N] and "probabilities" float [N, 2] (classes 0, 1).
- zipmap_classifier.onnx: the same model with a ZipMap output "output_probability" seq(map(int64, float)).
- regression_columns.onnx: one input per column ("temp", "hum" float [N, 1], "season" string [N, 1] through
  ai.onnx.ml.LabelEncoder), output "variable" float [N, 1].
- mistyped_input.onnx: like regression_columns but "temp" is a string tensor (the upload must be refused naming it).
- binary_batch.csv / regression_batch.csv: rows to score; expected.json: the probabilities and values computed here.
"""
import json
import numpy as np
import onnx
from onnx import TensorProto, helper

rng = np.random.default_rng(20261207)
W = np.array([0.8, -1.2, 0.5], dtype=np.float32)
B = np.float32(-0.3)
OPSET = [helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 2)]


def save(graph, name):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="dpd-fixtures")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, name)


def logistic_nodes():
    return [
        helper.make_node("MatMul", ["float_input", "W"], ["z0"]),
        helper.make_node("Add", ["z0", "B"], ["z"]),
        helper.make_node("Sigmoid", ["z"], ["p"]),
        helper.make_node("Sub", ["one", "p"], ["q"]),
        helper.make_node("Concat", ["q", "p"], ["probabilities"], axis=1),
        helper.make_node("Greater", ["p", "half"], ["positive"]),
        helper.make_node("Cast", ["positive"], ["label2d"], to=TensorProto.INT64),
        helper.make_node("Squeeze", ["label2d", "axis1"], ["label"]),
    ]


def logistic_initializers():
    return [
        helper.make_tensor("W", TensorProto.FLOAT, [3, 1], W.tolist()),
        helper.make_tensor("B", TensorProto.FLOAT, [1], [float(B)]),
        helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0]),
        helper.make_tensor("half", TensorProto.FLOAT, [1], [0.5]),
        helper.make_tensor("axis1", TensorProto.INT64, [1], [1]),
    ]


tensor_input = helper.make_tensor_value_info("float_input", TensorProto.FLOAT, ["N", 3])
save(helper.make_graph(logistic_nodes(), "logreg", [tensor_input],
                       [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
                        helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])],
                       logistic_initializers()), "logreg_tensor.onnx")

def zipmap_output():
    info = onnx.ValueInfoProto()
    info.name = "output_probability"
    entry = info.type.sequence_type.elem_type.map_type
    entry.key_type = TensorProto.INT64
    entry.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return info


zip_nodes = logistic_nodes() + [helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_int64s=[0, 1])]
save(helper.make_graph(zip_nodes, "logreg_zipmap", [tensor_input],
                       [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
                        zipmap_output()],
                       logistic_initializers()), "zipmap_classifier.onnx")

SEASONS = ["spring", "summer", "autumn", "winter"]
SEASON_EFFECT = [0.0, 5.0, 10.0, 15.0]


def regression_graph(temp_type):
    # A string "temp" goes through a LabelEncoder first: the graph stays valid, only its declared input type is wrong.
    nodes = [helper.make_node("LabelEncoder", ["temp"], ["temp_f"], domain="ai.onnx.ml", keys_strings=["0"], values_floats=[0.0], default_float=0.0)] \
        if temp_type == TensorProto.STRING else []
    nodes += [
        helper.make_node("Mul", ["temp_f" if temp_type == TensorProto.STRING else "temp", "a"], ["t1"]),
        helper.make_node("Mul", ["hum", "c"], ["h1"]),
        helper.make_node("LabelEncoder", ["season"], ["s1"], domain="ai.onnx.ml", keys_strings=SEASONS, values_floats=SEASON_EFFECT, default_float=0.0),
        helper.make_node("Add", ["t1", "h1"], ["th"]),
        helper.make_node("Add", ["th", "s1"], ["ths"]),
        helper.make_node("Add", ["ths", "k"], ["variable"]),
    ]
    init = [helper.make_tensor("a", TensorProto.FLOAT, [1], [3.0]), helper.make_tensor("c", TensorProto.FLOAT, [1], [-20.0]),
            helper.make_tensor("k", TensorProto.FLOAT, [1], [10.0])]
    inputs = [helper.make_tensor_value_info("temp", temp_type, ["N", 1]), helper.make_tensor_value_info("hum", TensorProto.FLOAT, ["N", 1]),
              helper.make_tensor_value_info("season", TensorProto.STRING, ["N", 1])]
    return helper.make_graph(nodes, "regression", inputs, [helper.make_tensor_value_info("variable", TensorProto.FLOAT, ["N", 1])], init)


save(regression_graph(TensorProto.FLOAT), "regression_columns.onnx")
save(regression_graph(TensorProto.STRING), "mistyped_input.onnx")

# Rows to score and what the models must give, computed here in float32 as ONNX Runtime does.
n = 200
x = np.round(rng.normal(0, 1, size=(n, 3)), 4).astype(np.float32)
z = (x @ W.reshape(3, 1)).reshape(n) + B
p = (1 / (1 + np.exp(-z.astype(np.float64)))).astype(np.float32)
y = (rng.random(n) < p).astype(int)
with open("binary_batch.csv", "w") as f:
    f.write("id,x1,x2,x3,y\n")
    for i in range(n):
        f.write(f"b{i + 1},{x[i, 0]:.4f},{x[i, 1]:.4f},{x[i, 2]:.4f},{y[i]}\n")

temp = np.round(rng.uniform(-5, 35, n), 2).astype(np.float32)
hum = np.round(rng.uniform(0, 1, n), 3).astype(np.float32)
season = rng.integers(0, 4, n)
value = (temp * np.float32(3) + hum * np.float32(-20) + np.array(SEASON_EFFECT, dtype=np.float32)[season] + np.float32(10)).astype(np.float32)
with open("regression_batch.csv", "w") as f:
    f.write("id,day,temp,hum,season\n")
    for i in range(n):
        f.write(f"g{i + 1},2024-01-{(i % 28) + 1:02d},{temp[i]:.2f},{hum[i]:.3f},{SEASONS[season[i]]}\n")

# Multiclass: softmax over (distance, rain), the class name from ai.onnx.ml.LabelEncoder, ZipMap probabilities.
MODES = ["bus", "car", "walk"]
WM = np.array([[0.05, 0.4, -0.6], [0.3, -0.2, -1.5]], dtype=np.float32)
BM = np.array([0.2, -1.0, 1.2], dtype=np.float32)
mc_nodes = [
    helper.make_node("MatMul", ["float_input", "WM"], ["logits0"]),
    helper.make_node("Add", ["logits0", "BM"], ["logits"]),
    helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
    helper.make_node("ArgMax", ["probabilities"], ["index"], axis=1, keepdims=0),
    helper.make_node("LabelEncoder", ["index"], ["label"], domain="ai.onnx.ml", keys_int64s=[0, 1, 2], values_strings=MODES, default_string="?"),
    helper.make_node("ZipMap", ["probabilities"], ["output_probability"], domain="ai.onnx.ml", classlabels_strings=MODES),
]
mc_output = onnx.ValueInfoProto()
mc_output.name = "output_probability"
mc_entry = mc_output.type.sequence_type.elem_type.map_type
mc_entry.key_type = TensorProto.STRING
mc_entry.value_type.tensor_type.elem_type = TensorProto.FLOAT
save(helper.make_graph(mc_nodes, "multiclass", [helper.make_tensor_value_info("float_input", TensorProto.FLOAT, ["N", 2])],
                       [helper.make_tensor_value_info("label", TensorProto.STRING, ["N"]), mc_output],
                       [helper.make_tensor("WM", TensorProto.FLOAT, [2, 3], WM.flatten().tolist()), helper.make_tensor("BM", TensorProto.FLOAT, [3], BM.tolist())]),
     "multiclass_zipmap.onnx")
distance = np.round(rng.uniform(0, 20, n), 2).astype(np.float32)
rain = np.round(rng.uniform(0, 1, n), 2).astype(np.float32)
logits = np.stack([distance, rain], axis=1) @ WM + BM
soft = np.exp(logits - logits.max(axis=1, keepdims=True))
soft = (soft / soft.sum(axis=1, keepdims=True)).astype(np.float32)
with open("multiclass_batch.csv", "w") as f:
    f.write("id,distance,rain,zone\n")
    for i in range(n):
        f.write(f"m{i + 1},{distance[i]:.2f},{rain[i]:.2f},{'centre' if i % 2 == 0 else 'suburb'}\n")

with open("expected.json", "w") as f:
    json.dump({"binaryProbability": [float(v) for v in p], "binaryLabel": [int(v > 0.5) for v in p],
               "regressionValue": [float(v) for v in value],
               "multiclassLabel": [MODES[int(k)] for k in soft.argmax(axis=1)], "multiclassProbability": [float(v) for v in soft.max(axis=1)]}, f, indent=1)
print("wrote", n, "rows each")

"""Plain-language explanations of PyTorch errors, in English and Korean.

`explain(error)` takes the probe's error summary ({type, message, line, line_text, operands,
call, and the hints the probe adds}) and returns {"en", "ko", "family"}. Each family names the
operands it saw and a fix that works on those values; an error no family knows gets the
fallback (fallback.py: the failing call, its operands, which of them the message names). The
topic modules hold the families, `ORDER` below says in which order they are tried, and
docs/errors.md describes each.
"""

from __future__ import annotations

from studytorch.explain import (  # noqa: F401  (each module registers its families)
    autograd,
    broadcast,
    calls,
    checkpoints,
    data,
    devices,
    dtypes,
    joins,
    layers,
    losses,
    matrices,
    modules,
    python,
    shapes,
    values,
)
from studytorch.explain.base import REGISTRY, Error, Explanation, Family, where
from studytorch.explain.fallback import fallback

ORDER = [
    # Why the order matters: families are tried one by one against "Type: message" and the
    # first match explains the error. Some messages match two families, so the specific one
    # comes first: a family with a `when` on the probe's hints before the general family with
    # the same message (collate_unequal_samples before stack_sizes, grad_is_none before
    # none_value), and every family of one AttributeError wording before attribute_typo, which
    # matches any "'X' object has no attribute". Otherwise the order is by topic.
    # matrices.py
    "matmul",
    "mm_needs_matrices",
    "matvec",
    "bmm",
    "dot_needs_vectors",
    "dot_lengths",
    # broadcast.py, shapes.py, joins.py
    "broadcast",
    "expand",
    "view_size",
    "view_not_contiguous",
    "dim_out_of_range",
    "index_out_of_bounds",
    "collate_unequal_samples",  # before stack_sizes: the same message, from a DataLoader
    "stack_sizes",
    "cat_sizes",
    "cat_ndim",
    "cat_scalars",
    "ragged_list",
    "join_needs_tensors",
    "item_of_many",
    "bool_of_many",
    "index_of_scalar",
    # autograd.py
    "leaf_in_place",
    "modified_in_place",
    "backward_twice",
    "backward_not_scalar",
    "no_grad_fn",
    "grad_of_integers",
    "requires_grad_of_non_leaf",
    "grad_is_none",  # before none_value: the same message, on a line that reads `.grad`
    # values.py
    "none_value",  # before attribute_typo, like every AttributeError family
    "python_value_not_tensor",
    "anomaly_nan",
    "numpy_of_grad_tensor",
    "numpy_of_device_tensor",
    "from_numpy_of_list",
    "ragged_numpy",
    "argument_not_tensor",
    # dtypes.py
    "mean_of_integers",
    "in_place_int_cast",
    "embedding_float_indices",
    "dtype_mismatch",
    "index_dtype",
    # losses.py
    "target_dtype",
    "target_out_of_range",
    "batch_size_mismatch",
    "multi_target",
    "one_hot_long_target",
    "bce_target_shape",
    "bce_range",
    # layers.py
    "conv_channels",
    "conv_input_dims",
    "input_too_small",
    "layer_norm_shape",
    "batch_norm_features",
    "batch_norm_one_sample",
    "rnn_input_size",
    "embedding_index_out_of_range",
    # modules.py, calls.py, checkpoints.py
    "forward_missing_argument",
    "assigned_before_init",
    "forward_wrong_arguments",
    "layer_arguments",
    "state_dict_mismatch",
    "weights_only_load",
    "state_dict_not_a_dict",
    "checkpoint_key_missing",
    "optimizer_without_parameters",
    "optimizer_non_leaf",
    "optimizer_shared_parameters",
    "fx_control_flow",
    "collate_fn_called",  # data.py, before every "object is not callable" family: from a DataLoader
    "tensor_not_callable",
    "shape_called",
    "method_without_parentheses",  # before attribute_typo: 'method' object has no ...
    "state_dict_used_as_model",
    "attribute_typo",  # last of the AttributeErrors: it matches all of them
    # devices.py
    "no_cuda_build",
    "no_gpu_driver",
    "device_mismatch",
    "gpu_assert",
    "out_of_memory",
    "python_memory_error",
    "killed_out_of_memory",
    # data.py, python.py
    "collate_bad_sample",
    "collate_ragged_lists",
    "dataset_without_getitem",
    "no_len",
    "sampler_with_shuffle",
    "workers_cannot_pickle",
    "loader_not_subscriptable",
    "module_not_found",
    "syntax_error",
    "indentation_error",
    "name_not_defined",
    "module_not_callable",
    "input_in_snippet",
]

if sorted(ORDER) != sorted(REGISTRY):  # a family defined but not ordered would never match
    raise RuntimeError(f"explain.ORDER and the families differ: {set(ORDER) ^ set(REGISTRY)}")

FAMILIES: list[Family] = [REGISTRY[name] for name in ORDER]
"""The families in matching order."""

__all__ = ["FAMILIES", "ORDER", "Error", "Explanation", "Family", "explain"]


def explain(error: Error | None) -> Explanation | None:
    """A plain-language explanation of an error: its family's, or the fallback's facts."""
    if not error:
        return None
    text = f"{error.get('type', '')}: {error.get('message', '')}"
    for fam in FAMILIES:
        match = fam.pattern.search(text)
        if match and (fam.when is None or fam.when(error)):
            en, ko = fam.build(match, error)
            line = where(error)
            return {"en": line["en"] + en, "ko": line["ko"] + ko, "family": fam.name}
    en, ko = fallback(error)
    line = where(error)
    return {"en": line["en"] + en, "ko": line["ko"] + ko, "family": "fallback"}

"""The numpy models behind trainable components: features, layers, tok2vec, optimizers.

No deep-learning framework is needed: every layer has a numpy forward and backward pass,
parameters are float32 arrays saved through `plait.persist`, and weight initialization and
dropout draw from one seeded generator (`fix_random_seed`), so training is reproducible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_exports import lazy_exports
from ..registry import registry
from . import architectures, tok2vec  # noqa: F401  (register the architectures)
from .layers import Linear, Ragged, Sigmoid, Softmax
from .model import Chain, Model, chain
from .rng import fix_random_seed, get_rng
from .tok2vec import Tok2VecListener

if TYPE_CHECKING:
    from .optimizers import Optimizer, adam, sgd

__all__ = [
    "Chain", "Linear", "Model", "Optimizer", "Ragged", "Sigmoid", "Softmax", "Tok2VecListener",
    "adam", "chain", "fix_random_seed", "get_rng", "sgd",
]

# architecture name -> module that registers it (so a config can name it before any import)
ARCHITECTURE_MODULES = {
    "plait.Tagger.v1": "plait.ml.architectures",
    "plait.TextCatBOW.v1": "plait.ml.architectures",
    "plait.TextCatReduce.v1": "plait.ml.architectures",
    "plait.HashEmbedCNN.v1": "plait.ml.tok2vec",
    "plait.MultiHashEmbed.v1": "plait.ml.tok2vec",
    "plait.MaxoutWindowEncoder.v1": "plait.ml.tok2vec",
    "plait.Tok2Vec.v1": "plait.ml.tok2vec",
    "plait.Tok2VecListener.v1": "plait.ml.tok2vec",
}
# optimizer name -> module that registers it: loading a pipeline needs no optimizer
OPTIMIZER_MODULES = dict.fromkeys(
    ["Adam.v1", "SGD.v1", "plait.Adam.v1", "plait.SGD.v1"], "plait.ml.optimizers")
for _name, _module in ARCHITECTURE_MODULES.items():
    registry.architectures.builtins.setdefault(_name, _module)
for _name, _module in OPTIMIZER_MODULES.items():
    registry.optimizers.builtins.setdefault(_name, _module)

__getattr__, __dir__ = lazy_exports(
    __name__, {"Optimizer": "optimizers", "adam": "optimizers", "sgd": "optimizers"}, globals())

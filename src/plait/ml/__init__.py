"""The numpy models behind trainable components: features, layers, tok2vec, optimizers.

No deep-learning framework is needed: every layer has a numpy forward and backward pass,
parameters are float32 arrays saved through `plait.persist`, and weight initialization and
dropout draw from one seeded generator (`fix_random_seed`), so training is reproducible.
"""

from __future__ import annotations

from . import architectures, optimizers, tok2vec  # noqa: F401  (register the architectures)
from .layers import Linear, Ragged, Sigmoid, Softmax
from .model import Chain, Model, chain
from .optimizers import Optimizer, adam, sgd
from .rng import fix_random_seed, get_rng
from .tok2vec import Tok2VecListener

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

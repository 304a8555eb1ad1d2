"""Training methods of `Language`: initialize, update, evaluate, resume_training, listeners.

Defined here and attached to `Language` (so `language.py` stays about building and running).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, Errors, InputTypeError, LookupFailed, PipelineError

if TYPE_CHECKING:
    from .language import Language
    from .ml.optimizers import Optimizer
    from .training.example import Example


def _validate(examples: Any, method: str) -> list[Example]:
    from .pipeline.trainable_pipe import validate_examples

    return validate_examples(examples, method)


def link_components(nlp: Language) -> None:
    """Connect every tok2vec component to the listeners in the other components."""
    for name, proc in nlp.components:
        if hasattr(proc, "find_listeners"):
            for other_name, other in nlp.components:
                if other_name != name:
                    proc.find_listeners(other)


def create_optimizer(nlp: Language) -> Optimizer:
    """The optimizer of `[training.optimizer]` (Adam with spaCy's defaults if absent)."""
    from .ml.optimizers import Optimizer
    from .registry import registry

    block = (nlp.config.get("training") or {}).get("optimizer")
    if not block:
        return Optimizer()
    try:
        interpolated = nlp.config.interpolate()["training"]["optimizer"]
        return registry.resolve({"optimizer": interpolated})["optimizer"]
    except Exception as e:
        from .config import config_error

        raise config_error(e, "[training.optimizer]") from e


def initialize(nlp: Language, get_examples: Callable[[], Iterable[Example]] | None = None, *,
               sgd: Optimizer | None = None) -> Optimizer:
    """Initialize the pipeline for training: `[initialize]` settings, then each component.

    Runs `before_init(nlp)`, loads `vectors` (a saved pipeline's), initializes the tokenizer
    and every component with its `[initialize.components.NAME]` settings, connects the
    listeners, runs `after_init(nlp)`; returns the optimizer.
    """
    from .config import config_error
    from .registry import registry

    if get_examples is not None and not callable(get_examples):
        raise InputTypeError(Errors.E561.format(name="nlp.initialize", value=get_examples))
    config = nlp.config
    try:
        init_cfg = config.interpolate().get("initialize") or {}
        settings = registry.resolve({"initialize": init_cfg}, validate=False)["initialize"]
    except Exception as e:
        raise config_error(e, "[initialize]") from e
    before = settings.get("before_init")
    if before is not None:
        result = before(nlp)
        if result is not None and result is not nlp:
            raise ConfigError(Errors.E581.format(which="before_init", type=type(result).__name__))
    _init_vocab(nlp, settings)
    if hasattr(nlp.tokenizer, "initialize"):
        nlp.tokenizer.initialize(get_examples, nlp=nlp, **(settings.get("tokenizer") or {}))
    components = settings.get("components") or {}
    for name, proc in nlp.pipeline:
        if not hasattr(proc, "initialize"):
            continue
        proc_settings = dict(components.get(name) or {})
        if not isinstance(components.get(name, {}) or {}, dict):
            raise ConfigError(Errors.E583.format(name=name, key="settings",
                                                 expected="a section", value=components[name]))
        proc.initialize(get_examples, nlp=nlp, **proc_settings)
    link_components(nlp)
    nlp._optimizer = sgd if sgd is not None else create_optimizer(nlp)
    after = settings.get("after_init")
    if after is not None:
        result = after(nlp)
        if result is not None and result is not nlp:
            raise ConfigError(Errors.E581.format(which="after_init", type=type(result).__name__))
    return nlp._optimizer


def _init_vocab(nlp: Language, settings: dict) -> None:
    """Load `[initialize] vectors` (a pipeline directory) and `lookups` into the vocab."""
    vectors = settings.get("vectors")
    if vectors:
        from .language_io import load_from_path

        source = load_from_path(vectors)
        nlp.vocab.vectors = source.vocab.vectors
    lookups = settings.get("lookups")
    if lookups is not None and hasattr(nlp.vocab, "lookups"):
        nlp.vocab.lookups = lookups


def begin_training(nlp: Language, get_examples: Callable | None = None, *,
                   sgd: Optimizer | None = None) -> Optimizer:
    """spaCy v2's name of `initialize`."""
    return initialize(nlp, get_examples, sgd=sgd)


def resume_training(nlp: Language, *, sgd: Optimizer | None = None) -> Optimizer:
    """Continue training a loaded pipeline: keep the weights, make a new optimizer."""
    link_components(nlp)
    nlp._optimizer = sgd if sgd is not None else create_optimizer(nlp)
    return nlp._optimizer


def update(nlp: Language, examples: Iterable[Example], _: Any = None, *, drop: float = 0.0,
           sgd: Optimizer | None = None, losses: dict[str, float] | None = None,
           component_cfg: dict[str, dict[str, Any]] | None = None,
           exclude: Iterable[str] = (), annotates: Iterable[str] = ()) -> dict[str, float]:
    """Update every trainable component (not in `exclude`) from a batch of examples.

    Components in `annotates` also annotate the predicted docs, so later components learn
    from their output. Returns `losses` with each component's loss added.
    """
    examples = _validate(examples, "Language.update")
    losses = {} if losses is None else losses
    if not examples:
        return losses
    if sgd is None:
        if getattr(nlp, "_optimizer", None) is None:
            nlp._optimizer = create_optimizer(nlp)
        sgd = nlp._optimizer
    exclude, annotates = set(exclude), set(annotates)
    component_cfg = component_cfg or {}
    link_components(nlp)
    for name, proc in nlp.pipeline:
        if name not in exclude and hasattr(proc, "update"):
            kwargs = dict(component_cfg.get(name, {}))
            kwargs.setdefault("drop", drop)
            proc.update(examples, sgd=None, losses=losses, **kwargs)
        if name in annotates:
            docs = [eg.predicted for eg in examples]
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs))
            else:
                docs = [proc(doc) for doc in docs]
            for eg, doc in zip(examples, docs):
                eg.predicted = doc
    if sgd is not False and sgd is not None:
        for name, proc in nlp.pipeline:
            if name not in exclude and hasattr(proc, "finish_update") and hasattr(proc, "model"):
                proc.finish_update(sgd)
    return losses


def evaluate(nlp: Language, examples: Iterable[Example], *, batch_size: int | None = None,
             scorer: Any = None, component_cfg: dict[str, dict[str, Any]] | None = None,
             scorer_cfg: dict[str, Any] | None = None, per_component: bool = False
             ) -> dict[str, Any]:
    """Run the pipeline on the examples' texts and score it against their references.

    Adds `speed` (words per second, tokenizing included).
    """
    from .tokens import Doc
    from .training.example import Example
    from .training.scorer import Scorer

    examples = _validate(examples, "Language.evaluate")
    if scorer is None:
        scorer = Scorer(nlp=nlp, **(scorer_cfg or {}))
    fresh = [
        Example(Doc._from_orths(nlp.vocab, eg.x._orth.copy(), eg.x._spacy.copy()), eg.y)
        for eg in examples
    ]
    start = time.perf_counter()
    for eg in examples:
        nlp.make_doc(eg.reference.text)
    docs = nlp.pipe([eg.x for eg in fresh], batch_size=batch_size or nlp.batch_size,
                    component_cfg=component_cfg)
    for eg, doc in zip(fresh, docs):
        eg.predicted = doc
    elapsed = time.perf_counter() - start
    results = scorer.score(fresh, per_component=per_component)
    n_words = sum(len(eg.x) for eg in fresh)
    results["speed"] = n_words / elapsed if elapsed > 0 else 0.0
    return results


@contextmanager
def use_params(nlp: Language, params: dict | None, **cfg: Any) -> Iterator[None]:
    """Temporarily use other parameters in every component (an optimizer's averages)."""
    if not params:
        yield
        return
    with ExitStack() as stack:
        for _name, proc in nlp.components:
            if hasattr(proc, "use_params"):
                stack.enter_context(proc.use_params(params))
        yield


def replace_listeners(nlp: Language, tok2vec_name: str, pipe_name: str,
                      listeners: Iterable[str]) -> None:
    """Give `pipe_name` its own copy of the tok2vec `tok2vec_name`, replacing its listeners.

    `listeners` are the config paths of the listener layers inside the component's model
    (e.g. `["model.tok2vec"]`); the component's config is updated to match.
    """
    from .config import copy_config

    names = nlp.component_names
    if tok2vec_name not in names:
        raise LookupFailed(Errors.E168.format(name=tok2vec_name, opts=names))
    if pipe_name not in names:
        raise LookupFailed(Errors.E168.format(name=pipe_name, opts=names))
    tok2vec = nlp.get_pipe(tok2vec_name)
    if not hasattr(tok2vec, "listener_map"):
        raise PipelineError(Errors.E566.format(
            reason=f"{tok2vec_name!r} is not a tok2vec component (it has no listeners)"))
    link_components(nlp)
    found = list(tok2vec.listener_map.get(pipe_name, []))
    listeners = list(listeners)
    if not found:
        raise PipelineError(Errors.E566.format(
            reason=f"{pipe_name!r} has no listener on {tok2vec_name!r}"))
    if len(listeners) != len(found):
        raise PipelineError(Errors.E566.format(
            reason=f"{pipe_name!r} has {len(found)} listener(s) on {tok2vec_name!r}, but "
                   f"{len(listeners)} path(s) were given: {listeners}"))
    pipe = nlp.get_pipe(pipe_name)
    tok2vec_model_cfg = nlp.get_pipe_config(tok2vec_name)["model"]
    pipe_cfg = nlp._pipe_configs[pipe_name]
    for listener, path in zip(found, listeners):
        keys = path.split(".")
        node = pipe_cfg
        for key in keys[:-1]:
            if not isinstance(node, dict) or key not in node:
                raise PipelineError(Errors.E566.format(
                    reason=f"no setting {path!r} in [components.{pipe_name}]"))
            node = node[key]
        if not isinstance(node, dict) or keys[-1] not in node:
            raise PipelineError(Errors.E566.format(
                reason=f"no setting {path!r} in [components.{pipe_name}]"))
        node[keys[-1]] = copy_config(dict(tok2vec_model_cfg))
        tok2vec.remove_listener(listener, pipe_name)
        pipe.model.replace_node(listener, tok2vec.model.copy())

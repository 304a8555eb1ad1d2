"""Optimizers: Adam and SGD with L2, gradient clipping and parameter averaging.

An optimizer is called once per parameter, `optimizer(key, param, grad)`, and updates the
parameter in place; `step_schedules()` is called once per batch. With `use_averages`, it
keeps a moving average of every parameter; evaluating and saving with the averages
(`nlp.use_params(optimizer.averages)`) gives better accuracy than the last weights.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from ..errors import ConfigError, Errors
from ..registry import registry

Schedule = float | Iterator[float]
# plait's small numpy models learn best a little faster than spaCy's default of 0.001
DEFAULT_LEARN_RATE = 0.005


class Optimizer:
    """Adam (or plain SGD when `beta1 = beta2 = 0` and `use_adam=False`) for numpy arrays."""

    def __init__(
        self, learn_rate: Schedule = DEFAULT_LEARN_RATE, *, beta1: float = 0.9, beta2: float = 0.999,
        eps: float = 1e-8, L2: float = 1e-6, grad_clip: float = 1.0, use_averages: bool = True,
        L2_is_weight_decay: bool = True, use_adam: bool = True,
    ) -> None:
        for key, value in (("beta1", beta1), ("beta2", beta2)):
            if not 0.0 <= value < 1.0:
                raise ConfigError(Errors.E567.format(key=key, value=value, reason="use 0 <= x < 1"))
        if grad_clip < 0 or L2 < 0:
            raise ConfigError(
                Errors.E567.format(key="grad_clip/L2", value=(grad_clip, L2),
                                   reason="must not be negative")
            )
        self._schedule: Iterator[float] | None = None
        if isinstance(learn_rate, (int, float)):
            self.learn_rate = float(learn_rate)
        else:
            self._schedule = iter(learn_rate)
            self.learn_rate = float(next(self._schedule))
        self.b1, self.b2, self.eps = beta1, beta2, eps
        self.L2, self.grad_clip = L2, grad_clip
        self.use_averages = use_averages
        self.L2_is_weight_decay = L2_is_weight_decay
        self.use_adam = use_adam
        self.mom1: dict[Any, np.ndarray] = {}
        self.mom2: dict[Any, np.ndarray] = {}
        self.averages: dict[Any, np.ndarray] = {}
        self.nr_update: dict[Any, int] = {}
        self.step = 0

    def step_schedules(self) -> None:
        """Advance the learning-rate schedule (called once per batch)."""
        self.step += 1
        if self._schedule is not None:
            try:
                self.learn_rate = float(next(self._schedule))
            except StopIteration:
                self._schedule = None

    def __call__(self, key: Any, param: np.ndarray, grad: np.ndarray) -> None:
        """Update `param` in place from `grad`."""
        nr = self.nr_update[key] = self.nr_update.get(key, 0) + 1
        if self.grad_clip:
            norm = float(np.sqrt(np.dot(grad.ravel(), grad.ravel())))
            if norm > self.grad_clip:
                grad = grad * (self.grad_clip / norm)
        if self.L2 and not self.L2_is_weight_decay:
            grad = grad + self.L2 * param
        lr = self.learn_rate
        if self.use_adam:
            m1 = self.mom1.get(key)
            if m1 is None:
                m1 = self.mom1[key] = np.zeros_like(param)
                self.mom2[key] = np.zeros_like(param)
            m2 = self.mom2[key]
            m1 *= self.b1
            m1 += (1.0 - self.b1) * grad
            m2 *= self.b2
            m2 += (1.0 - self.b2) * (grad * grad)
            fix1 = 1.0 - self.b1**nr
            fix2 = 1.0 - self.b2**nr
            step = (lr * np.sqrt(fix2) / fix1) * m1 / (np.sqrt(m2) + self.eps)
        else:
            step = lr * grad
        if self.L2 and self.L2_is_weight_decay:
            step = step + lr * self.L2 * param
        param -= step.astype(param.dtype, copy=False)
        if self.use_averages:
            avg = self.averages.get(key)
            if avg is None:
                self.averages[key] = param.copy()
            else:
                decay = min((1.0 + nr) / (10.0 + nr), 0.9999)
                avg -= (1.0 - decay) * (avg - param)


@registry.optimizers("Adam.v1")
def adam(
    learn_rate: Schedule = DEFAULT_LEARN_RATE, *, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
    L2: float = 1e-6, grad_clip: float = 1.0, use_averages: bool = True,
    L2_is_weight_decay: bool = True,
) -> Optimizer:
    """The Adam optimizer (spaCy's default settings)."""
    return Optimizer(learn_rate, beta1=beta1, beta2=beta2, eps=eps, L2=L2, grad_clip=grad_clip,
                     use_averages=use_averages, L2_is_weight_decay=L2_is_weight_decay)


@registry.optimizers("SGD.v1")
def sgd(learn_rate: Schedule = 0.001, *, L2: float = 1e-6, grad_clip: float = 1.0,
        use_averages: bool = True, L2_is_weight_decay: bool = True) -> Optimizer:
    """Plain stochastic gradient descent."""
    return Optimizer(learn_rate, L2=L2, grad_clip=grad_clip, use_averages=use_averages,
                     L2_is_weight_decay=L2_is_weight_decay, use_adam=False)


registry.optimizers.register("plait.Adam.v1", func=adam)
registry.optimizers.register("plait.SGD.v1", func=sgd)

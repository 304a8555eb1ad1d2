"""Central-difference gradients, to check the layers' backward passes against."""

import numpy as np


def numeric_grad(f, x, eps=1e-3):
    """d f() / d x by central differences, perturbing `x` in place one entry at a time."""
    grad = np.zeros_like(x, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        up = f()
        x[idx] = old - eps
        down = f()
        x[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad

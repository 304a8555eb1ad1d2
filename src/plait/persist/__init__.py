"""plait.persist: safe, fast persistence of objects holding large arrays (no pickle)."""

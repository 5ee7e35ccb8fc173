"""Mentor-entrepreneur matching (pure Python/NumPy/SciPy, no Django)."""

from mentors.matching.solver import (
    CAPACITY_EXHAUSTED,
    NO_FEASIBLE_MENTOR,
    Problem,
    Solution,
    solve,
)

__all__ = ["CAPACITY_EXHAUSTED", "NO_FEASIBLE_MENTOR", "Problem", "Solution", "solve"]

"""SplitMix64, as srmquiz's SeededGenerator: `next_unit` is its `nextUnit()`.

Shared by the FSRS vector generator and the py-fsrs benchmark so both draw the same streams as
the Swift code.
"""

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed: int) -> None:
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_unit(self) -> float:
        return (self.next() >> 11) * 2.0**-53

"""The tally the maps' check scripts keep: each failed check printed as it fails, the count at the end, and
the exit status (1 when any failed)."""
import sys

_failures, _checks = [], [0]


def check(cond, what):
    _checks[0] += 1
    if not cond:
        _failures.append(what)
        print("FAIL:", what)


def finish():
    print(f"{_checks[0] - len(_failures)} passed, {len(_failures)} failed")
    sys.exit(1 if _failures else 0)

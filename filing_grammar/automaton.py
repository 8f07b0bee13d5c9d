"""The LALR automaton that parser.parse_tokens drives (issue 12: speed).

Lark's ``feed_token`` works out, for every token, the reductions and the shift
from the state stack.  Here that work is done once per state stack and token
kind: the stacks met are numbered, and each has a row of plans (one dict
look-up per accepted token); the reductions are done in place on the value
stack, building the same tree Lark's callbacks build.  Tables come from
``parser.parse_tables``; recovery (``parser.parse_tokens``) keeps its answers
per table here too.
"""

from __future__ import annotations

import functools

from lark import Tree
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
from lark.parsers.lalr_analysis import Shift

__all__ = ["Automaton", "automaton_for", "recovery_for"]

_MAX_STACKS = 200_000  # (a hostile file cannot grow the memo without bound)


class Automaton:
    """The state stacks of one parse table met so far, numbered, and for each
    the plan of each token kind: how the LALR automaton takes a token of that
    kind there (the reductions, then the shift), worked out once on the state
    stack alone.  A plan is ``(run, next stack's number, its plans)``, ``run``
    doing the reductions on the value stack (None if there are none); None if
    the token is an error there.  So a token the grammar takes costs one dict
    look-up, and a token it rejects (LALR may reduce before it finds that)
    changes nothing: recovery starts from the stack as it was."""

    def __init__(self, states, callbacks):
        self.states, self.callbacks = states, callbacks
        self.numbers: dict[tuple, int] = {}
        self.stacks: list[tuple] = []
        self.rows: list[dict] = []
        self.runs: dict[tuple, object] = {}

    def number(self, stack: tuple) -> int:
        number = self.numbers.get(stack)
        if number is None:
            number = self.numbers[stack] = len(self.stacks)
            self.stacks.append(stack)
            self.rows.append({})
        return number

    def plan(self, number: int, kind: str) -> tuple | None:
        states = self.states
        sim = list(self.stacks[number])
        steps = []
        plan = None
        while True:
            action = states[sim[-1]].get(kind)
            if action is None or kind == "$END":
                break
            if action[0] is Shift:
                sim.append(action[1])
                nxt = self.number(tuple(sim))
                plan = (self._run(tuple(steps)), nxt, self.rows[nxt])
                break
            rule = action[1]
            size = len(rule.expansion)
            if size:
                del sim[-size:]
            sim.append(states[sim[-1]][rule.origin.name][1])
            steps.append((self.callbacks[rule], size))
        self.rows[number][kind] = plan
        return plan

    def _run(self, steps: tuple):
        """One function doing the reductions ``steps`` on the value stack, as
        Lark's callbacks would (None for no reduction)."""
        if not steps:
            return None
        run = self.runs.get(steps)
        if run is None:
            run = self.runs[steps] = _reductions(steps)
        return run


# What a reduction does, for the callbacks Lark makes for this grammar (any
# other is called as Lark calls it).  Lark builds a rule's node from its
# children, splicing in the children of a rule whose name starts with "_"
# (ChildFilterLALR_NoPlaceholders: its to_include lists (index, splice?)), and
# drops the node it spliced.  So a spliced node is only a holder of children:
# it is extended and renamed in place, not made anew.  The result is the same
# tree (nothing else holds an intermediate node).
_WRAP, _RENAME, _EXTEND, _APPEND, _CALL = range(5)


def _reduction(callback, size: int) -> tuple:
    builder, include = callback, None
    if isinstance(callback, ChildFilterLALR_NoPlaceholders):
        builder, include = callback.node_builder, callback.to_include
    if not (isinstance(builder, functools.partial) and builder.func is Tree and len(builder.args) == 1
            and not builder.keywords):
        return (_CALL, callback, size)
    name = builder.args[0]
    if include is None:
        return (_WRAP, name, size)
    if size == 1 and include == [(0, True)]:
        return (_RENAME, name, size)
    if size == 2 and include == [(0, True), (1, True)]:
        return (_EXTEND, name, size)
    if size == 2 and include == [(0, True), (1, False)]:
        return (_APPEND, name, size)
    return (_CALL, callback, size)


def _reductions(steps: tuple):
    ops: list[tuple] = []
    for callback, size in steps:
        op = _reduction(callback, size)
        last = ops[-1] if ops else None
        # a node made of one value (a holder, since the next step splices it)
        if last is not None and last[0] == _WRAP and last[2] == 1:
            if op[0] == _RENAME:  # renamed: made with the new name
                ops[-1] = (_WRAP, op[1], 1)
                continue
            if op[0] == _EXTEND:  # spliced: its one value appended
                ops[-1] = (_APPEND, op[1], 2)
                continue
        ops.append(op)

    def run(values: list) -> None:
        for code, arg, size in ops:
            if code == _APPEND:
                value = values.pop()
                node = values[-1]
                node.children.append(value)
                node.data = arg
            elif code == _WRAP:
                if size == 1:
                    values[-1] = Tree(arg, [values[-1]])
                else:
                    children = values[-size:] if size else []
                    del values[len(values) - size:]
                    values.append(Tree(arg, children))
            elif code == _RENAME:
                values[-1].data = arg
            elif code == _EXTEND:
                value = values.pop()
                node = values[-1]
                node.children += value.children
                node.data = arg
            else:
                children = values[-size:] if size else []
                del values[len(values) - size:]
                values.append(arg(children))

    if len(ops) == 1 and ops[0][0] == _APPEND:  # the commonest: one more line of a repeat
        name = ops[0][1]

        def run(values: list) -> None:  # noqa: F811
            value = values.pop()
            node = values[-1]
            node.children.append(value)
            node.data = name
    return run


_AUTOMATA: dict[int, Automaton] = {}
_RECOVERY: dict[int, dict[tuple, object]] = {}


def recovery_for(states) -> dict[tuple, object]:
    """Recovery answers by parse table, kept for the process (as the plans)."""
    memo = _RECOVERY.setdefault(id(states), {})
    if len(memo) > _MAX_STACKS:
        memo.clear()
    return memo


def automaton_for(states, callbacks) -> Automaton:
    """The automaton of a parse table (one per process, but a test may build another)."""
    automaton = _AUTOMATA.get(id(states))
    if automaton is None or automaton.states is not states or len(automaton.stacks) > _MAX_STACKS:
        automaton = _AUTOMATA[id(states)] = Automaton(states, callbacks)
    return automaton

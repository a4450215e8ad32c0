"""Synthetic groups for scale tests: many clearly fictive groups with four years of history.

`moteleder demo --grupper N [--seed S]`. Every name is invented (first names with
surnames like «Testesen» and «Eksempelvik»), and every group is marked as demo.
The same seed and the same "today" give the same data.

Speed: a group is first planned as plain data (`plan_group`), its minutes rendered
with the same `render_minute` the app uses, and everything is written with
`executemany` in one transaction — never row by row through the Store methods.

  texts.py    the invented names and the pools of text
  plan.py     one group planned as plain data
  minutes.py  a planned meeting's Minute, as the app would build it
  writer.py   the rows written, in one transaction
"""

from __future__ import annotations

from moteleder.synthetic.minutes import minute_for
from moteleder.synthetic.plan import GroupPlan, plan_consents, plan_evaluations, plan_group
from moteleder.synthetic.texts import ADULT_FIRST_NAMES, FIRST_NAMES, PLACES, SURNAMES
from moteleder.synthetic.writer import generate_groups, iter_plans

__all__ = [
    "ADULT_FIRST_NAMES",
    "FIRST_NAMES",
    "PLACES",
    "SURNAMES",
    "GroupPlan",
    "generate_groups",
    "iter_plans",
    "minute_for",
    "plan_consents",
    "plan_evaluations",
    "plan_group",
]

"""The v2 view: how the store's rows become v2 JSON and how v2 requests change them.

``routes`` maps a path to a catalog resource, ``query`` reads filters, sorting and paging,
``render`` prints rows, ``writes`` turns bodies into rows, ``special`` serves the paths
outside the CRUD pattern and ``view.V2View`` ties them into one ``handle``. The v3 view
(``sandbox.v3``) sits next to this package, reading and writing the same ``State``.
"""

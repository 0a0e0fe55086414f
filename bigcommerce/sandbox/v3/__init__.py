"""The v3 view: how the store's rows become v3 JSON and how v3 requests change them.

The same ``State`` the v2 view serves: a v3 product is a ``products`` row, a variant a
``product_skus`` row, a customer a ``customers`` row. ``schema`` is the vocabulary,
``catalog``, ``customers`` and ``options`` declare the families (v2 column and codec of every
v3 field, filters, sorts, limits, batch rules; ``option_rows`` maps options and modifiers onto
the v2 option rows), ``templates`` lists every v3 path of the specs and
``routes`` the ones served; ``codecs`` converts values, ``render`` prints rows, ``query`` reads
filters and pages, ``writes`` turns bodies into rows, ``batch`` answers array writes and
``view.V3View`` ties them into one ``handle``.
"""

"""The v3 view: how the store's rows become v3 JSON and how v3 requests change them.

The same ``State`` the v2 view serves: a v3 product is a ``products`` row, a variant a
``product_skus`` row, a customer a ``customers`` row, a webhook a ``hooks`` row; what v2 has
no resource for (trees, channels, sites, price lists, locations, refunds...) lives in
state-only tables. ``schema`` is the vocabulary. One module per family declares it (v2 column
and codec of every v3 field, filters, sorts, limits, batch rules) and, for what no generic verb
covers, its ``ACTIONS``: ``catalog``, ``product_parts``, ``options``, ``categories``, ``trees``,
``brands``, ``customers``, ``orders``, ``refund_quotes``, ``refunds``, ``channels``,
``channel_listings``, ``sites``, ``webhooks``, ``pricelists``, ``inventory``, the content
families, ``customer_attributes``, ``customer_settings``, ``subscribers`` and ``tax``; helpers
beside them (``option_rows``, ``stock``, ``lists``, ``platform_fields``...)
say in their docstrings what they hold. ``templates`` lists every v3 path of the specs and
``routes`` the ones served; ``codecs`` converts values, ``render`` prints rows, ``query`` reads
filters and pages, ``writes`` turns bodies into rows, ``batch`` answers array writes and
``view.V3View`` ties them into one ``handle``.
"""

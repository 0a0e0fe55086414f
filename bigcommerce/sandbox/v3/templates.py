"""Every v3 path template of the BigCommerce specs, with the methods each declares (data only).

The 245 templates and 538 operations of the 51 v3 OpenAPI files that v3-resources.md lists
(bigcommerce/docs at 24f580ca), relative to ``/stores/{store_hash}/v3/``, grouped by file.
The router answers 501 for a template the sandbox does not serve, 405 for a method its file
does not declare and 404 for a path no template matches. Written once from the specs; the
sandbox never reads the spec files.
"""
from __future__ import annotations

TEMPLATES: tuple[tuple[str, str], ...] = (
    # abandoned_cart_emails.v3.yaml
    ("marketing/abandoned-cart-emails", "GET POST"),
    ("marketing/abandoned-cart-emails/{id}", "GET PUT DELETE"),
    ("marketing/abandoned-cart-emails/default", "GET"),
    ("marketing/abandoned-cart-emails/settings", "GET PUT"),
    # abandoned_carts.v3.yml
    ("abandoned-carts/settings", "GET PUT"),
    ("abandoned-carts/settings/channels/{channel_id}", "GET PUT"),
    ("abandoned-carts/{token}", "GET"),
    # carts.v3.yml
    ("carts", "POST"),
    ("carts/{cartId}/items", "POST"),
    ("carts/{cartId}/redirect_urls", "POST"),
    ("carts/{cartId}/items/{itemId}", "PUT DELETE"),
    ("carts/{cartId}", "GET PUT DELETE"),
    ("carts/settings", "GET PUT"),
    ("carts/settings/channels/{channel_id}", "GET PUT"),
    ("carts/{cart_id}/metafields", "GET POST"),
    ("carts/{cart_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("carts/metafields", "GET POST PUT DELETE"),
    # catalog_brands_catalog.v3.yml
    ("catalog/brands", "GET POST DELETE"),
    ("catalog/brands/{brand_id}", "GET PUT DELETE"),
    ("catalog/brands/{brand_id}/metafields", "GET POST"),
    ("catalog/brands/{brand_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("catalog/brands/{brand_id}/image", "POST DELETE"),
    ("catalog/brands/metafields", "GET POST PUT DELETE"),
    # catalog_categories_catalog.v3.yml
    ("catalog/categories", "GET POST DELETE"),
    ("catalog/categories/{category_id}", "GET PUT DELETE"),
    ("catalog/categories/{category_id}/metafields", "GET POST"),
    ("catalog/categories/{category_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("catalog/categories/{category_id}/image", "POST DELETE"),
    ("catalog/categories/{category_id}/products/sort-order", "GET PUT"),
    ("catalog/categories/metafields", "GET POST PUT DELETE"),
    # catalog_category-trees_catalog.v3.yml
    ("catalog/trees/categories", "GET POST PUT DELETE"),
    ("catalog/trees", "GET PUT DELETE"),
    ("catalog/trees/{tree_id}/categories", "GET"),
    # catalog_product-modifiers_catalog.v3.yml
    ("catalog/products/{product_id}/modifiers", "GET POST"),
    ("catalog/products/{product_id}/modifiers/{modifier_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/modifiers/{modifier_id}/values", "GET POST"),
    ("catalog/products/{product_id}/modifiers/{modifier_id}/values/{value_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/modifiers/{modifier_id}/values/{value_id}/image", "POST"),
    # catalog_product-variant-options_catalog.v3.yml
    ("catalog/products/{product_id}/options", "GET POST"),
    ("catalog/products/{product_id}/options/{option_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/options/{option_id}/values", "GET POST"),
    ("catalog/products/{product_id}/options/{option_id}/values/{value_id}", "GET PUT DELETE"),
    # catalog_product-variants_catalog.v3.yml
    ("catalog/products/{product_id}/variants", "GET POST"),
    ("catalog/products/{product_id}/variants/{variant_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/variants/{variant_id}/metafields", "GET POST"),
    ("catalog/products/{product_id}/variants/{variant_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/variants/{variant_id}/image", "POST"),
    ("catalog/variants", "GET PUT"),
    ("catalog/variants/metafields", "GET POST PUT DELETE"),
    # catalog_products_catalog.v3.yml
    ("catalog/products", "GET POST PUT DELETE"),
    ("catalog/products/{product_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/images", "GET POST"),
    ("catalog/products/{product_id}/images/{image_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/videos", "GET POST"),
    ("catalog/products/{product_id}/videos/{id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/complex-rules", "GET POST"),
    ("catalog/products/{product_id}/complex-rules/{complex_rule_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/custom-fields", "GET POST"),
    ("catalog/products/{product_id}/custom-fields/{custom_field_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/bulk-pricing-rules", "GET POST"),
    ("catalog/products/{product_id}/bulk-pricing-rules/{bulk_pricing_rule_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/metafields", "GET POST"),
    ("catalog/products/{product_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("catalog/products/{product_id}/reviews", "GET POST"),
    ("catalog/products/{product_id}/reviews/{review_id}", "GET PUT DELETE"),
    ("catalog/products/channel-assignments", "GET PUT DELETE"),
    ("catalog/products/category-assignments", "GET PUT DELETE"),
    ("catalog/summary", "GET"),
    ("catalog/products/metafields", "GET POST PUT DELETE"),
    # channels.v3.yml
    ("channels", "GET POST"),
    ("channels/{channel_id}", "GET PUT"),
    ("channels/{channel_id}/active-theme", "GET"),
    ("channels/currency-assignments", "GET POST PUT"),
    ("channels/{channel_id}/currency-assignments", "GET POST PUT DELETE"),
    ("channels/{channel_id}/listings", "GET POST PUT"),
    ("channels/{channel_id}/listings/{listing_id}", "GET"),
    ("channels/{channel_id}/site/checkout-url", "PUT DELETE"),
    ("channels/{channel_id}/site", "GET POST PUT DELETE"),
    ("channels/{channel_id}/channel-menus", "GET POST DELETE"),
    ("channels/{channel_id}/metafields", "GET POST"),
    ("channels/{channel_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("channels/metafields", "GET POST PUT DELETE"),
    # checkouts.v3.yml
    ("checkouts/{checkoutId}", "GET PUT"),
    ("checkouts/{checkoutId}/discounts", "POST"),
    ("checkouts/{checkoutId}/billing-address", "POST"),
    ("checkouts/{checkoutId}/billing-address/{addressId}", "PUT"),
    ("checkouts/{checkoutId}/consignments", "POST"),
    ("checkouts/{checkoutId}/consignments/{consignmentId}", "PUT DELETE"),
    ("checkouts/{checkoutId}/coupons", "POST"),
    ("checkouts/{checkoutId}/coupons/{couponCode}", "DELETE"),
    ("checkouts/{checkoutId}/fees", "POST PUT DELETE"),
    ("checkouts/{checkoutId}/orders", "POST"),
    ("checkouts/settings", "GET PUT"),
    ("checkouts/settings/channels/{channelId}", "GET PUT"),
    ("checkouts/{checkoutId}/token", "POST"),
    # custom-template-associations.v3.yml
    ("storefront/custom-template-associations", "GET PUT DELETE"),
    # customers.v3.yml
    ("customers", "GET POST PUT DELETE"),
    ("customers/addresses", "GET POST PUT DELETE"),
    ("customers/validate-credentials", "POST"),
    ("customers/settings", "GET PUT"),
    ("customers/settings/channels/{channel_id}", "GET PUT"),
    ("customers/attributes", "GET POST PUT DELETE"),
    ("customers/attribute-values", "GET PUT DELETE"),
    ("customers/form-field-values", "GET PUT"),
    ("customers/{customerId}/consent", "GET PUT"),
    ("customers/{customerId}/stored-instruments", "GET"),
    ("customers/{customerId}/metafields", "GET POST"),
    ("customers/{customerId}/metafields/{metafieldId}", "GET PUT DELETE"),
    ("customers/metafields", "GET POST PUT DELETE"),
    # email_templates.v3.yml
    ("marketing/email-templates", "GET"),
    ("marketing/email-templates/{template-name}", "GET PUT DELETE"),
    # infrastructure_hosting.v3.yml
    ("infrastructure/projects", "GET POST DELETE"),
    ("infrastructure/projects/{project_uuid}", "DELETE"),
    ("infrastructure/deployments", "POST"),
    ("infrastructure/deployments/uploads", "POST"),
    ("infrastructure/deployments/{deployment_uuid}/events", "GET"),
    ("infrastructure/logs/{project_uuid}/tail", "GET"),
    # inventory.v3.yml
    ("inventory/adjustments/absolute", "PUT"),
    ("inventory/adjustments/relative", "POST"),
    ("inventory/items", "GET"),
    ("inventory/locations/{location_id}/items", "GET PUT"),
    # locations.v3.yml
    ("inventory/locations", "GET POST PUT DELETE"),
    ("inventory/locations/{location_id}/metafields", "GET POST"),
    ("inventory/locations/{location_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("inventory/locations/metafields", "GET POST PUT DELETE"),
    # orders.v3.yml
    ("orders/{order_id}/payment_actions/capture", "POST"),
    ("orders/{order_id}/payment_actions/void", "POST"),
    ("orders/{order_id}/transactions", "GET"),
    ("orders/{order_id}/payment_actions/refund_quotes", "POST"),
    ("orders/{order_id}/payment_actions/refunds", "GET POST"),
    ("orders/payment_actions/refunds/{refund_id}", "GET"),
    ("orders/payment_actions/refunds", "GET"),
    ("orders/{order_id}/metafields", "GET POST"),
    ("orders/{order_id}/metafields/{metafield_id}", "GET PUT DELETE"),
    ("orders/settings", "GET PUT"),
    ("orders/settings/channels/{channel_id}", "GET PUT"),
    ("orders/metafields", "GET POST PUT DELETE"),
    # page-widgets.v3.yml
    ("content/page-widgets", "GET POST"),
    # pages.v3.yml
    ("content/pages", "GET POST PUT DELETE"),
    ("content/pages/{pageId}", "GET PUT DELETE"),
    # payments_accepted-methods_payments.v3.yml
    ("payments/methods", "GET"),
    # payments_access-tokens_payments.v3.yml
    ("payments/access_tokens", "POST"),
    # pickup.v3.yml
    ("orders/pickups", "GET POST PUT DELETE"),
    # pickup_methods.v3.yml
    ("pickup/methods", "GET POST PUT DELETE"),
    # pickup_options.v3.yml
    ("pickup/options", "POST"),
    # price_lists.v3.yml
    ("pricelists", "GET POST DELETE"),
    ("pricelists/{price_list_id}", "GET PUT DELETE"),
    ("pricelists/records", "POST PUT"),
    ("pricelists/{price_list_id}/records", "GET POST PUT DELETE"),
    ("pricelists/{price_list_id}/records/{variant_id}", "GET"),
    ("pricelists/{price_list_id}/records/{variant_id}/{currency_code}", "GET PUT DELETE"),
    ("pricelists/assignments", "GET POST DELETE"),
    ("pricelists/{price_list_id}/assignments", "PUT"),
    # pricing.sf.yml
    ("pricing/products", "POST"),
    # promotion_settings.v3.yml
    ("promotions/settings", "GET PUT"),
    # promotions.v3.yml
    ("promotions", "GET POST DELETE"),
    ("promotions/{id}", "GET PUT DELETE"),
    ("promotions/{promotion_id}/codes", "GET POST DELETE"),
    ("promotions/{promotion_id}/codegen", "POST"),
    ("promotions/codes", "GET DELETE"),
    ("promotions/{promotion_id}/codes/{code_id}", "DELETE"),
    # redirects.v3.yml
    ("storefront/redirects", "GET PUT DELETE"),
    ("storefront/redirects/imex/jobs", "GET"),
    ("storefront/redirects/imex/export", "POST"),
    ("storefront/redirects/imex/import", "POST"),
    ("storefront/redirects/imex/export/{uuid}/events", "GET"),
    ("storefront/redirects/imex/import/{uuid}/events", "GET"),
    ("storefront/redirects/imex/export/{uuid}/download", "GET"),
    # scripts.v3.yml
    ("content/scripts", "GET POST"),
    ("content/scripts/{uuid}", "GET PUT DELETE"),
    # segments.v3.yml
    ("segments", "GET POST PUT DELETE"),
    ("segments/{segmentId}/shopper-profiles", "GET POST DELETE"),
    ("shopper-profiles", "GET POST DELETE"),
    ("shopper-profiles/{shopperProfileId}/segments", "GET"),
    # settings.v3.yml
    ("settings/analytics", "GET"),
    ("settings/analytics/{id}", "GET PUT"),
    ("settings/catalog", "GET PUT"),
    ("settings/email-statuses", "GET PUT"),
    ("settings/favicon/image", "POST"),
    ("settings/inventory/notifications", "GET PUT"),
    ("settings/logo", "GET PUT"),
    ("settings/logo/image", "POST"),
    ("settings/search/filters", "GET PUT"),
    ("settings/search/filters/available", "GET"),
    ("settings/search/filters/contexts", "GET PUT"),
    ("settings/store/locale", "GET PUT"),
    ("settings/store/profile", "GET PUT"),
    ("settings/storefront/category", "GET PUT"),
    ("settings/storefront/product", "GET PUT"),
    ("settings/storefront/robotstxt", "GET PUT"),
    ("settings/storefront/search", "GET PUT"),
    ("settings/storefront/security", "GET PUT"),
    ("settings/storefront/seo", "GET PUT"),
    ("settings/storefront/status", "GET PUT"),
    ("settings/inventory", "GET PUT"),
    ("settings/store/units-of-measurement", "GET PUT"),
    # shipping.v3.yml
    ("shipping/products/customs-information", "GET PUT DELETE"),
    ("shipping/settings", "GET PUT"),
    ("shipping/settings/channels/{channel_id}", "GET PUT"),
    # sites.v3.yml
    ("sites", "GET POST"),
    ("sites/{site_id}", "GET PUT DELETE"),
    ("sites/{site_id}/routes", "GET POST PUT"),
    ("sites/{site_id}/routes/{route_id}", "GET PUT DELETE"),
    ("sites/{site_id}/certificate", "GET PUT"),
    ("sites/certificates", "GET"),
    # store_information.v3.yml
    ("store/metafields", "GET POST PUT DELETE"),
    ("store/metafields/{metafieldId}", "GET PUT DELETE"),
    # store_logs.v3.yml
    ("store/systemlogs", "GET"),
    # storefront_tokens.v3.yml
    ("storefront/api-token", "POST DELETE"),
    ("storefront/api-token-private", "POST"),
    ("storefront/api-token-customer-impersonation", "POST"),
    # subscribers.v3.yml
    ("customers/subscribers", "GET POST DELETE"),
    ("customers/subscribers/{subscriber_id}", "GET PUT DELETE"),
    # tax.v3.yml
    ("tax/providers/{provider_id}/connection", "GET PUT DELETE"),
    # tax_classes.v3.yaml
    ("tax/classes", "POST PUT DELETE"),
    # tax_customers.v3.yml
    ("tax/customers", "GET PUT DELETE"),
    # tax_properties.v3.yml
    ("tax/properties", "GET POST PUT DELETE"),
    ("tax/products/properties", "GET PUT DELETE"),
    # tax_rates_zones.v3.yml
    ("tax/zones", "GET POST PUT DELETE"),
    ("tax/rates", "GET POST PUT DELETE"),
    # tax_settings.v3.yml
    ("tax/settings", "GET PUT"),
    # tax_zone_check.v3.yml
    ("tax/zonecheck", "POST"),
    # themes.v3.yml
    ("themes", "GET POST"),
    ("themes/{uuid}", "GET DELETE"),
    ("themes/{uuid}/actions/download", "POST"),
    ("themes/actions/activate", "POST"),
    ("themes/jobs/{job_id}", "GET"),
    ("themes/{uuid}/configurations", "GET"),
    ("themes/{uuid}/configurations/validate", "POST"),
    ("themes/custom-templates/{version_uuid}", "GET"),
    # webhooks.v3.yml
    ("hooks", "GET POST"),
    ("hooks/{webhook_id}", "GET PUT DELETE"),
    ("hooks/admin", "GET PUT"),
    # widgets.v3.yml
    ("content/widget-templates", "GET POST"),
    ("content/widget-templates/{uuid}/preview", "POST"),
    ("content/widget-templates/{uuid}", "GET PUT DELETE"),
    ("content/widgets", "GET POST"),
    ("content/widgets/{uuid}", "GET PUT DELETE"),
    ("content/placements", "GET POST"),
    ("content/placements/{uuid}", "GET PUT DELETE"),
    ("content/regions", "GET"),
    # wishlists.v3.yml
    ("wishlists", "GET POST"),
    ("wishlists/{wishlist_id}/items/{item_id}", "DELETE"),
    ("wishlists/{wishlist_id}", "GET PUT DELETE"),
    ("wishlists/{wishlist_id}/items", "POST"),
)

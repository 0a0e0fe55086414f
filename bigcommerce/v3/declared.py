"""The v3 classes as ``api.v3`` attributes, for type checkers. Written by tools/v3_tables.py."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import (
        abandoned_carts,
        carts,
        catalog_brands,
        catalog_categories,
        catalog_modifiers,
        catalog_options,
        catalog_products,
        catalog_trees,
        catalog_variants,
        channels,
        checkouts,
        customers,
        email_templates,
        infrastructure,
        inventory,
        locations,
        orders,
        pages,
        payments,
        pickups,
        price_lists,
        pricing,
        promotions,
        redirects,
        scripts,
        segments,
        settings,
        shipping,
        sites,
        store,
        storefront_tokens,
        subscribers,
        tax,
        template_associations,
        themes,
        webhooks,
        widgets,
        wishlists,
    )


class DeclaredV3Classes:
    """``api.v3.Products`` is ``bigcommerce.v3.Products`` with the connection filled in."""

    AbandonedCartEmailDefault: type[abandoned_carts.AbandonedCartEmailDefault]
    AbandonedCartEmailSettings: type[abandoned_carts.AbandonedCartEmailSettings]
    AbandonedCartEmails: type[abandoned_carts.AbandonedCartEmails]
    AbandonedCartSettings: type[abandoned_carts.AbandonedCartSettings]
    AbandonedCartSettingsChannels: type[abandoned_carts.AbandonedCartSettingsChannels]
    AbandonedCarts: type[abandoned_carts.AbandonedCarts]
    ApiToken: type[storefront_tokens.ApiToken]
    ApiTokenCustomerImpersonation: type[storefront_tokens.ApiTokenCustomerImpersonation]
    ApiTokenPrivate: type[storefront_tokens.ApiTokenPrivate]
    BrandImage: type[catalog_brands.BrandImage]
    BrandMetafields: type[catalog_brands.BrandMetafields]
    Brands: type[catalog_brands.Brands]
    CartItems: type[carts.CartItems]
    CartMetafields: type[carts.CartMetafields]
    CartRedirectUrls: type[carts.CartRedirectUrls]
    CartSettings: type[carts.CartSettings]
    CartSettingsChannels: type[carts.CartSettingsChannels]
    Carts: type[carts.Carts]
    CatalogSummary: type[catalog_products.CatalogSummary]
    Categories: type[catalog_categories.Categories]
    CategoryImage: type[catalog_categories.CategoryImage]
    CategoryMetafields: type[catalog_categories.CategoryMetafields]
    CategoryProductSortOrder: type[catalog_categories.CategoryProductSortOrder]
    CategoryTreeCategories: type[catalog_trees.CategoryTreeCategories]
    CategoryTrees: type[catalog_trees.CategoryTrees]
    ChannelActiveTheme: type[channels.ChannelActiveTheme]
    ChannelChannelMenus: type[channels.ChannelChannelMenus]
    ChannelCurrencyAssignments: type[channels.ChannelCurrencyAssignments]
    ChannelListings: type[channels.ChannelListings]
    ChannelMetafields: type[channels.ChannelMetafields]
    ChannelSite: type[channels.ChannelSite]
    ChannelSiteCheckoutUrl: type[channels.ChannelSiteCheckoutUrl]
    Channels: type[channels.Channels]
    CheckoutBillingAddress: type[checkouts.CheckoutBillingAddress]
    CheckoutConsignments: type[checkouts.CheckoutConsignments]
    CheckoutCoupons: type[checkouts.CheckoutCoupons]
    CheckoutDiscounts: type[checkouts.CheckoutDiscounts]
    CheckoutFees: type[checkouts.CheckoutFees]
    CheckoutOrders: type[checkouts.CheckoutOrders]
    CheckoutSettings: type[checkouts.CheckoutSettings]
    CheckoutSettingsChannels: type[checkouts.CheckoutSettingsChannels]
    CheckoutToken: type[checkouts.CheckoutToken]
    Checkouts: type[checkouts.Checkouts]
    CustomTemplateAssociations: type[template_associations.CustomTemplateAssociations]
    CustomerAddresses: type[customers.CustomerAddresses]
    CustomerAttributeValues: type[customers.CustomerAttributeValues]
    CustomerAttributes: type[customers.CustomerAttributes]
    CustomerConsent: type[customers.CustomerConsent]
    CustomerFormFieldValues: type[customers.CustomerFormFieldValues]
    CustomerMetafields: type[customers.CustomerMetafields]
    CustomerSettings: type[customers.CustomerSettings]
    CustomerSettingsChannels: type[customers.CustomerSettingsChannels]
    CustomerStoredInstruments: type[customers.CustomerStoredInstruments]
    CustomerValidateCredentials: type[customers.CustomerValidateCredentials]
    Customers: type[customers.Customers]
    EmailTemplates: type[email_templates.EmailTemplates]
    HookAdmin: type[webhooks.HookAdmin]
    InfrastructureDeploymentEvents: type[infrastructure.InfrastructureDeploymentEvents]
    InfrastructureDeploymentUploads: type[infrastructure.InfrastructureDeploymentUploads]
    InfrastructureDeployments: type[infrastructure.InfrastructureDeployments]
    InfrastructureLogTail: type[infrastructure.InfrastructureLogTail]
    InfrastructureProjects: type[infrastructure.InfrastructureProjects]
    InventoryAdjustments: type[inventory.InventoryAdjustments]
    InventoryItems: type[inventory.InventoryItems]
    InventoryLocationItems: type[inventory.InventoryLocationItems]
    LocationMetafields: type[locations.LocationMetafields]
    Locations: type[locations.Locations]
    OrderMetafields: type[orders.OrderMetafields]
    OrderPaymentActionCapture: type[orders.OrderPaymentActionCapture]
    OrderPaymentActionVoid: type[orders.OrderPaymentActionVoid]
    OrderPickups: type[pickups.OrderPickups]
    OrderRefundQuotes: type[orders.OrderRefundQuotes]
    OrderRefunds: type[orders.OrderRefunds]
    OrderSettings: type[orders.OrderSettings]
    OrderSettingsChannels: type[orders.OrderSettingsChannels]
    OrderTransactions: type[orders.OrderTransactions]
    PageWidgets: type[widgets.PageWidgets]
    Pages: type[pages.Pages]
    PaymentAccessTokens: type[payments.PaymentAccessTokens]
    PaymentMethods: type[payments.PaymentMethods]
    PickupMethods: type[pickups.PickupMethods]
    PickupOptions: type[pickups.PickupOptions]
    Placements: type[widgets.Placements]
    PriceListAssignment: type[price_lists.PriceListAssignment]
    PriceListAssignments: type[price_lists.PriceListAssignments]
    PriceListRecords: type[price_lists.PriceListRecords]
    PriceListVariantRecords: type[price_lists.PriceListVariantRecords]
    PriceLists: type[price_lists.PriceLists]
    PricingProducts: type[pricing.PricingProducts]
    ProductBulkPricingRules: type[catalog_products.ProductBulkPricingRules]
    ProductCategoryAssignments: type[catalog_products.ProductCategoryAssignments]
    ProductChannelAssignments: type[catalog_products.ProductChannelAssignments]
    ProductComplexRules: type[catalog_products.ProductComplexRules]
    ProductCustomFields: type[catalog_products.ProductCustomFields]
    ProductImages: type[catalog_products.ProductImages]
    ProductMetafields: type[catalog_products.ProductMetafields]
    ProductModifierValueImage: type[catalog_modifiers.ProductModifierValueImage]
    ProductModifierValues: type[catalog_modifiers.ProductModifierValues]
    ProductModifiers: type[catalog_modifiers.ProductModifiers]
    ProductOptionValues: type[catalog_options.ProductOptionValues]
    ProductOptions: type[catalog_options.ProductOptions]
    ProductReviews: type[catalog_products.ProductReviews]
    ProductVariantImage: type[catalog_variants.ProductVariantImage]
    ProductVariantMetafields: type[catalog_variants.ProductVariantMetafields]
    ProductVariants: type[catalog_variants.ProductVariants]
    ProductVideos: type[catalog_products.ProductVideos]
    Products: type[catalog_products.Products]
    PromotionCodegen: type[promotions.PromotionCodegen]
    PromotionCodes: type[promotions.PromotionCodes]
    PromotionSettings: type[promotions.PromotionSettings]
    Promotions: type[promotions.Promotions]
    RedirectImexExport: type[redirects.RedirectImexExport]
    RedirectImexExportDownload: type[redirects.RedirectImexExportDownload]
    RedirectImexExportEvents: type[redirects.RedirectImexExportEvents]
    RedirectImexImport: type[redirects.RedirectImexImport]
    RedirectImexImportEvents: type[redirects.RedirectImexImportEvents]
    RedirectImexJobs: type[redirects.RedirectImexJobs]
    Redirects: type[redirects.Redirects]
    Regions: type[widgets.Regions]
    Scripts: type[scripts.Scripts]
    SegmentShopperProfiles: type[segments.SegmentShopperProfiles]
    Segments: type[segments.Segments]
    SettingsAnalytics: type[settings.SettingsAnalytics]
    SettingsCatalog: type[settings.SettingsCatalog]
    SettingsEmailStatuses: type[settings.SettingsEmailStatuses]
    SettingsFaviconImage: type[settings.SettingsFaviconImage]
    SettingsInventory: type[settings.SettingsInventory]
    SettingsInventoryNotifications: type[settings.SettingsInventoryNotifications]
    SettingsLogo: type[settings.SettingsLogo]
    SettingsLogoImage: type[settings.SettingsLogoImage]
    SettingsSearchFilterAvailable: type[settings.SettingsSearchFilterAvailable]
    SettingsSearchFilterContexts: type[settings.SettingsSearchFilterContexts]
    SettingsSearchFilters: type[settings.SettingsSearchFilters]
    SettingsStoreLocale: type[settings.SettingsStoreLocale]
    SettingsStoreProfile: type[settings.SettingsStoreProfile]
    SettingsStoreUnitsOfMeasurement: type[settings.SettingsStoreUnitsOfMeasurement]
    SettingsStorefrontCategory: type[settings.SettingsStorefrontCategory]
    SettingsStorefrontProduct: type[settings.SettingsStorefrontProduct]
    SettingsStorefrontRobotsTxt: type[settings.SettingsStorefrontRobotsTxt]
    SettingsStorefrontSearch: type[settings.SettingsStorefrontSearch]
    SettingsStorefrontSecurity: type[settings.SettingsStorefrontSecurity]
    SettingsStorefrontSeo: type[settings.SettingsStorefrontSeo]
    SettingsStorefrontStatus: type[settings.SettingsStorefrontStatus]
    ShippingProductCustomsInformation: type[shipping.ShippingProductCustomsInformation]
    ShippingSettings: type[shipping.ShippingSettings]
    ShippingSettingsChannels: type[shipping.ShippingSettingsChannels]
    ShopperProfileSegments: type[segments.ShopperProfileSegments]
    ShopperProfiles: type[segments.ShopperProfiles]
    SiteCertificate: type[sites.SiteCertificate]
    SiteCertificates: type[sites.SiteCertificates]
    SiteRoutes: type[sites.SiteRoutes]
    Sites: type[sites.Sites]
    StoreMetafields: type[store.StoreMetafields]
    Subscribers: type[subscribers.Subscribers]
    SystemLogs: type[store.SystemLogs]
    TaxClasses: type[tax.TaxClasses]
    TaxCustomers: type[tax.TaxCustomers]
    TaxProductProperties: type[tax.TaxProductProperties]
    TaxProperties: type[tax.TaxProperties]
    TaxProviderConnection: type[tax.TaxProviderConnection]
    TaxRates: type[tax.TaxRates]
    TaxSettings: type[tax.TaxSettings]
    TaxZoneCheck: type[tax.TaxZoneCheck]
    TaxZones: type[tax.TaxZones]
    ThemeActionActivate: type[themes.ThemeActionActivate]
    ThemeActionDownload: type[themes.ThemeActionDownload]
    ThemeConfigurationValidate: type[themes.ThemeConfigurationValidate]
    ThemeConfigurations: type[themes.ThemeConfigurations]
    ThemeCustomTemplates: type[themes.ThemeCustomTemplates]
    ThemeJobs: type[themes.ThemeJobs]
    Themes: type[themes.Themes]
    TreeCategories: type[catalog_trees.TreeCategories]
    Variants: type[catalog_variants.Variants]
    Webhooks: type[webhooks.Webhooks]
    WidgetTemplatePreview: type[widgets.WidgetTemplatePreview]
    WidgetTemplates: type[widgets.WidgetTemplates]
    Widgets: type[widgets.Widgets]
    WishlistItems: type[wishlists.WishlistItems]
    Wishlists: type[wishlists.Wishlists]

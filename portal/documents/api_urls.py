"""Document registry: no machine endpoints outside /api/v1/ (the bare /t/<token> is redirected
to the visitor's language by LocaleMiddleware)."""

urlpatterns: list = []

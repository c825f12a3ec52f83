# resolver_split: deliberately empty, as in the article. The application imports only
# shop.parent; Child and Association are first imported by the resolvers, during
# configure_mappers().

# naive_split: the article's first split (problem 1). The package itself imports nothing;
# the application imports shop.parent, whose module-level imports form a cycle.

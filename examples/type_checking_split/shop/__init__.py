# type_checking_split: deliberately empty, as in the article. Nothing imports the model
# modules the application does not import itself (problem 2).

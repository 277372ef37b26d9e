-- Remove article rows about to be replaced. $1: list of article_id
DELETE FROM articles WHERE list_contains($1, article_id);

-- Every raw input the warehouse has seen, with the hash of its bytes.
SELECT raw_path, content_sha256 FROM raw_inputs;

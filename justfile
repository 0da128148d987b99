# Everyday commands (https://github.com/casey/just); each line also works pasted into a shell.

# Extract every fixture into output/
extract:
    cargo run --release -- extract fixtures/ -o output/

# The test suite (as in the README)
test:
    cargo test

# Everything CI runs
ci:
    bash .ci/run

# Score the text reader against the corpus truth
score:
    cargo run --release -- score fixtures/corpus/pages

# Every scored set a reading rule must keep: the seed, the corpus, the XML Kamerstukken and the
# wild development split (the validation split is scored only at the end of a session)
score-all:
    for set in fixtures/text fixtures/corpus/pages fixtures/xml fixtures/wild/dev; do echo "== $set"; cargo run --release --quiet -- score "$set" | grep -E "^total|cell accuracy"; done

# Benchmark against pandas.read_html on 2,000 synthetic pages
bench:
    python3 benches/run.py --pages 2000

# Review page of the seed page
review:
    cargo run --release -- check fixtures/text/veiligheidsagenda-owb-2022-VI.txt --html output/review.html

#!/usr/bin/env python3
"""Runs newsfacts inside Spark (local mode) through RDD.pipe over a JSON-lines dataset and
checks that the facts equal those of a direct run, line for line and in order.

    python3 tests/spark/spark_pipe_test.py [PATH/TO/newsfacts]

Needs pyspark (pip install pyspark) and Java 17+. .ci/run installs pyspark into a venv.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "newsfacts"))
DATA = os.path.join(ROOT, "tests", "bench", "factru_texts.jsonl")


def main():
    from pyspark.sql import SparkSession

    direct = subprocess.run([BIN, DATA], check=True, capture_output=True).stdout.decode("utf-8").splitlines()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("newsfacts-pipe-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        rdd = sc.textFile("file://" + DATA, minPartitions=4)
        partitions = rdd.getNumPartitions()
        # Each partition's records go to one newsfacts process on stdin, as on a cluster.
        piped = rdd.pipe(BIN + " --input jsonl").collect()
    finally:
        spark.stop()
    failures = []
    if not direct:
        failures.append("the direct run found no facts")
    if piped != direct:
        failures.append(f"piped output differs: {len(piped)} lines through Spark, {len(direct)} direct")
        for k, (a, b) in enumerate(zip(piped, direct)):
            if a != b:
                failures.append(f"first difference at line {k + 1}:\n  spark:  {a}\n  direct: {b}")
                break
    print(f"spark: {partitions} partitions, {len(piped)} facts through RDD.pipe, {len(direct)} direct")
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

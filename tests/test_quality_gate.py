"""Quality gate: cleanup F1 on the zyte-dev benchmark pages must not fall below the floor pinned
in bench/baseline.json. Raise the floor with `python bench/extract_quality.py DATASET
--raise-floor`; lowering it takes `--lower-floor F`. Skipped where the data is absent (it is
third-party evaluation data that is never copied into the repository)."""

from __future__ import annotations

import pytest

from bench.quality import eval_dir, healthsift_extract, load_dataset, read_floor, run_tool

DATASET = "zyte-dev"


def test_f1_does_not_fall_below_the_pinned_floor() -> None:
    folder = eval_dir(DATASET)
    if not (folder / "ground-truth.json").exists():
        pytest.skip(f"evaluation data not found at {folder} (set HEALTHSIFT_EVAL_DIR)")
    result = run_tool("healthsift", healthsift_extract, load_dataset(folder))
    floor = read_floor(DATASET)
    assert not result.errors, f"pages raised: {result.errors}"
    assert result.f1 >= floor, f"F1 {result.f1:.4f} fell below the floor {floor}"
    assert max(result.millis) < 1000, "a page took over a second"


def _toy_dataset(folder) -> None:  # type: ignore[no-untyped-def]
    """Two pages written for this test, in the benchmark's layout."""
    import gzip
    import json

    body = (
        "Sunburn happens when ultraviolet light damages the outer layers of the skin. "
        "Redness, warmth and tenderness usually appear a few hours after time outdoors."
    )
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>Skin care tips</a></nav>"
        f"<article><h1>Sunburn</h1><p>{body}</p><p>Cool showers and aloe gel can ease the "
        "sting while the skin heals over the following week.</p></article>"
        "<footer>Copyright 2026 Example Health</footer></body></html>"
    )
    (folder / "html").mkdir(parents=True)
    truth = {}
    for key in ("page-one", "page-two"):
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[key] = {"url": f"https://example.org/{key}", "articleBody": body}
    (folder / "ground-truth.json").write_text(json.dumps(truth))


def test_the_floor_is_raised_by_command_and_lowered_only_explicitly(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import bench.extract_quality as script
    import bench.quality as quality

    dataset = tmp_path / "toy"
    _toy_dataset(dataset)
    baseline = tmp_path / "baseline.json"
    monkeypatch.setattr(quality, "BASELINE", baseline)
    monkeypatch.setattr(script, "read_floor", quality.read_floor)
    monkeypatch.setattr(script, "write_floor", quality.write_floor)
    args = [str(dataset), "--only", "healthsift"]

    baseline.write_text('{"toy": {"f1_floor": 0.999}}')
    script.main([*args, "--raise-floor"])
    assert quality.read_floor("toy") == 0.999  # a worse run never lowers it

    baseline.write_text('{"toy": {"f1_floor": 0.1}}')
    script.main([*args, "--raise-floor"])
    raised = quality.read_floor("toy")
    assert 0.1 < raised < 1.0

    script.main([*args, "--lower-floor", "0.5"])
    assert quality.read_floor("toy") == 0.5

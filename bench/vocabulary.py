"""Word lists and venue tables that the generated paper lists draw their text from."""

from __future__ import annotations

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

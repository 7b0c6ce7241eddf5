/// The symbol tables of the subset.
enum TeXSymbols {
    /// Greek letters and other single identifiers: command -> character.
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "infty": "∞", "partial": "∂", "nabla": "∇",
        "ell": "ℓ",
    ]

    /// Operators and relations: command -> character.
    static let operators: [String: String] = [
        "sim": "∼", "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "equiv": "≡", "propto": "∝", "cdot": "⋅", "times": "×", "pm": "±", "mp": "∓", "to": "→",
        "rightarrow": "→", "leftarrow": "←", "mapsto": "↦", "in": "∈", "sum": "∑", "prod": "∏", "int": "∫",
        "ldots": "…", "cdots": "⋯", "mid": "∣", "ll": "≪", "gg": "≫", "circ": "∘", "langle": "⟨",
        "rangle": "⟩", "top": "⊤", "perp": "⊥", "lVert": "‖", "rVert": "‖", "|": "‖", "{": "{", "}": "}",
    ]

    /// Upright function and operator names.
    static let functions: Set<String> = [
        "log", "ln", "exp", "tanh", "sinh", "cosh", "sin", "cos", "tan", "max", "min", "arg", "det", "lim", "sup",
        "inf", "erf", "Var", "Cov", "E", "sgn", "tr", "diag",
    ]

    /// Commands with arguments or special meaning.
    static let structural = [
        "frac", "dfrac", "tfrac", "sqrt", "operatorname", "mathrm", "mathcal", "mathbb", "mathbf", "text", "left",
        "right", "begin", "end", "quad", "qquad", ",", ";", "!", " ", "\\", "big", "Big", "bigl", "bigr", "Bigl",
        "Bigr", "limits",
    ]

    /// Large operators whose limits go under and over in display style.
    static let largeOperators: Set<String> = ["∑", "∏"]

    /// Script (\mathcal) and double-struck (\mathbb) capitals, by letter.
    static func styled(_ letter: Character, variant: String) -> String {
        guard let ascii = letter.asciiValue, letter.isUppercase else { return String(letter) }
        let offset = Int(ascii) - 65
        let exceptions: [String: [Character: String]] = [
            "script": ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ"],
            "double-struck": ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
        ]
        if let special = exceptions[variant]?[letter] { return special }
        let base: UInt32 = variant == "script" ? 0x1D49C : 0x1D538
        return Unicode.Scalar(base + UInt32(offset)).map { String(Character($0)) } ?? String(letter)
    }
}

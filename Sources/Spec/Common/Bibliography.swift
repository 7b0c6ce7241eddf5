/// The works InitLab's default experiments reproduce, citable from a spec by key.
public enum Bibliography {
    public static let entries: [Reference] = [
        Reference(
            key: "glorot2010", authors: "Xavier Glorot and Yoshua Bengio",
            title: "Understanding the difficulty of training deep feedforward neural networks",
            venue: "Proceedings of AISTATS 2010, PMLR 9:249-256", year: 2010,
            url: "https://proceedings.mlr.press/v9/glorot10a.html"),
        Reference(
            key: "he2015", authors: "Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun",
            title: "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
            venue: "Proceedings of ICCV 2015", year: 2015, url: "https://arxiv.org/abs/1502.01852"),
        Reference(
            key: "saito2016", authors: "Koki Saito",
            title: "Deep Learning from Scratch (Zero kara tsukuru Deep Learning), chapter 6",
            venue: "O'Reilly Japan", year: 2016),
        Reference(
            key: "lecun1998", authors: "Yann LeCun, Leon Bottou, Genevieve B. Orr and Klaus-Robert Mueller",
            title: "Efficient BackProp", venue: "Neural Networks: Tricks of the Trade, Springer", year: 1998),
        Reference(
            key: "saxe2014", authors: "Andrew M. Saxe, James L. McClelland and Surya Ganguli",
            title: "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
            venue: "ICLR 2014", year: 2014, url: "https://arxiv.org/abs/1312.6120"),
        Reference(
            key: "mishkin2016", authors: "Dmytro Mishkin and Jiri Matas", title: "All you need is a good init",
            venue: "ICLR 2016", year: 2016, url: "https://arxiv.org/abs/1511.06422"),
        Reference(
            key: "klambauer2017", authors: "Guenter Klambauer, Thomas Unterthiner, Andreas Mayr and Sepp Hochreiter",
            title: "Self-normalizing neural networks", venue: "NeurIPS 2017", year: 2017,
            url: "https://arxiv.org/abs/1706.02515"),
        Reference(
            key: "poole2016",
            authors: "Ben Poole, Subhaneil Lahiri, Maithra Raghu, Jascha Sohl-Dickstein and Surya Ganguli",
            title: "Exponential expressivity in deep neural networks through transient chaos", venue: "NeurIPS 2016",
            year: 2016, url: "https://arxiv.org/abs/1606.05340"),
        Reference(
            key: "schoenholz2017",
            authors: "Samuel S. Schoenholz, Justin Gilmer, Surya Ganguli and Jascha Sohl-Dickstein",
            title: "Deep information propagation", venue: "ICLR 2017", year: 2017,
            url: "https://arxiv.org/abs/1611.01232"),
        Reference(
            key: "hayou2019", authors: "Soufiane Hayou, Arnaud Doucet and Judith Rousseau",
            title: "On the impact of the activation function on deep neural networks training", venue: "ICML 2019",
            year: 2019, url: "https://arxiv.org/abs/1902.06853"),
        Reference(
            key: "pennington2017", authors: "Jeffrey Pennington, Samuel S. Schoenholz and Surya Ganguli",
            title: "Resurrecting the sigmoid in deep learning through dynamical isometry: theory and practice",
            venue: "NeurIPS 2017", year: 2017, url: "https://arxiv.org/abs/1711.04735"),
        Reference(
            key: "martens2010", authors: "James Martens", title: "Deep learning via Hessian-free optimization",
            venue: "ICML 2010", year: 2010),
        Reference(
            key: "xiao2018",
            authors: "Lechao Xiao, Yasaman Bahri, Jascha Sohl-Dickstein, Samuel S. Schoenholz and Jeffrey Pennington",
            title:
                "Dynamical isometry and a mean field theory of CNNs: how to train 10,000-layer vanilla convolutional neural networks",
            venue: "ICML 2018", year: 2018, url: "https://arxiv.org/abs/1806.05393"),
        Reference(
            key: "ioffe2015", authors: "Sergey Ioffe and Christian Szegedy",
            title: "Batch normalization: accelerating deep network training by reducing internal covariate shift",
            venue: "ICML 2015", year: 2015, url: "https://arxiv.org/abs/1502.03167"),
        Reference(
            key: "kingma2015", authors: "Diederik P. Kingma and Jimmy Ba",
            title: "Adam: a method for stochastic optimization",
            venue: "ICLR 2015", year: 2015, url: "https://arxiv.org/abs/1412.6980"),
        Reference(
            key: "xiao2017fashion", authors: "Han Xiao, Kashif Rasul and Roland Vollgraf",
            title: "Fashion-MNIST: a novel image dataset for benchmarking machine learning algorithms",
            venue: "arXiv:1708.07747", year: 2017, url: "https://arxiv.org/abs/1708.07747"),
        Reference(
            key: "lecun1998mnist", authors: "Yann LeCun, Leon Bottou, Yoshua Bengio and Patrick Haffner",
            title: "Gradient-based learning applied to document recognition",
            venue: "Proceedings of the IEEE 86(11):2278-2324",
            year: 1998),
        Reference(
            key: "hendrycks2016", authors: "Dan Hendrycks and Kevin Gimpel",
            title: "Gaussian error linear units (GELUs)",
            venue: "arXiv:1606.08415", year: 2016, url: "https://arxiv.org/abs/1606.08415"),
        Reference(
            key: "ramachandran2017", authors: "Prajit Ramachandran, Barret Zoph and Quoc V. Le",
            title: "Searching for activation functions", venue: "arXiv:1710.05941", year: 2017,
            url: "https://arxiv.org/abs/1710.05941"),
    ]

    public static let keys = entries.map(\.key)

    public static func entry(_ key: String) -> Reference? { entries.first { $0.key == key } }
}

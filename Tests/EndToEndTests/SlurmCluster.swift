import Foundation

/// A single-host Slurm cluster in a scratch folder: munged (with a key of its own), slurmctld and
/// slurmd on loopback ports picked free, every path under the folder, nothing in /etc changed.
/// `stop()` ends each daemon by the pid in its pid file, never by name.
final class SlurmCluster {
    static let munged = "/usr/sbin/munged"
    static let slurmctld = "/usr/sbin/slurmctld"
    static let slurmd = "/usr/sbin/slurmd"

    /// Whether slurm-wlm and munge are installed (`make slurm`).
    static var installed: Bool {
        [munged, slurmctld, slurmd, "/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/scontrol", "/usr/bin/scancel"]
            .allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let directory: URL
    var configuration: URL { directory.appendingPathComponent("slurm.conf") }
    /// What Slurm's commands need to find this cluster.
    var environment: [String: String] { ["SLURM_CONF": configuration.path] }
    private var pidFiles: [URL] = []

    init() throws {
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent(
            "initlab-slurm-\(UUID().uuidString.prefix(8))")
        for folder in ["state", "spool", "log"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // munged refuses a socket folder that others cannot enter.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Starts the three daemons and waits until the node is idle; throws with the logs if not.
    func start() throws {
        let key = directory.appendingPathComponent("munge.key")
        var bytes = [UInt8](repeating: 0, count: 1024)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        try Data(bytes).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        pidFiles.append(directory.appendingPathComponent("munged.pid"))
        try launch(
            Self.munged,
            [
                "--force", "--key-file=\(key.path)", "--socket=\(path("munge.socket"))",
                "--pid-file=\(path("munged.pid"))", "--log-file=\(path("log/munged.log"))",
                "--seed-file=\(path("munged.seed"))",
            ])
        let user = ProcessInfo.processInfo.userName
        let (controller, node) = (try Self.freePort(), try Self.freePort())
        let configurationText = """
            ClusterName=initlab
            SlurmctldHost=localhost
            SlurmUser=\(user)
            SlurmdUser=\(user)
            AuthType=auth/munge
            AuthInfo=socket=\(path("munge.socket"))
            CredType=cred/munge
            MpiDefault=none
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SwitchType=switch/none
            ReturnToService=2
            SlurmctldPort=\(controller)
            SlurmdPort=\(node)
            SlurmctldPidFile=\(path("slurmctld.pid"))
            SlurmdPidFile=\(path("slurmd.pid"))
            StateSaveLocation=\(path("state"))
            SlurmdSpoolDir=\(path("spool"))
            SlurmctldLogFile=\(path("log/slurmctld.log"))
            SlurmdLogFile=\(path("log/slurmd.log"))
            SchedulerType=sched/backfill
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/filetxt
            JobCompLoc=\(path("log/jobcomp.txt"))
            MaxArraySize=1001
            MinJobAge=300
            SchedulerParameters=sched_interval=1
            NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=4000 State=UNKNOWN
            PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP

            """
        try Data(configurationText.utf8).write(to: configuration)
        pidFiles.append(directory.appendingPathComponent("slurmctld.pid"))
        try launch(Self.slurmctld, ["-f", configuration.path])
        pidFiles.append(directory.appendingPathComponent("slurmd.pid"))
        try launch(Self.slurmd, ["-f", configuration.path, "-N", "localhost"])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let state = try? command("/usr/bin/sinfo", ["--noheader", "--format", "%T"])
            if let state, state.stdout.contains("idle") { return }
            usleep(200_000)
        }
        throw ClusterError("the node did not come up within 30 s\n" + logs())
    }

    /// The daemons' logs, for a failure message.
    func logs() -> String {
        ["munged.log", "slurmctld.log", "slurmd.log"].map { name in
            let text = (try? String(contentsOfFile: path("log/\(name)"), encoding: .utf8)) ?? "(none)"
            return "--- \(name):\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Runs one of Slurm's commands against this cluster.
    @discardableResult
    func command(_ executable: String, _ arguments: [String]) throws -> CLI.Output {
        try CLI.run(
            arguments, in: directory, environment: environment, executable: URL(fileURLWithPath: executable))
    }

    /// Ends each daemon it started by the pid in its pid file, the last started first, and
    /// waits (up to 10 s each) until it is gone.
    func stop() {
        for file in pidFiles.reversed() {
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1
            else { continue }
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(10)
            while kill(pid, 0) == 0 && Date() < deadline { usleep(50_000) }
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        pidFiles = []
    }

    /// Starts a daemon, which forks into the background and writes its pid file. posix_spawn
    /// and waitpid, not Process: Foundation notices a child's end through a descriptor the child
    /// inherits, which a daemon keeps open, so it would wait forever. Output goes to a file.
    private func launch(_ executable: String, _ arguments: [String]) throws {
        let name = URL(fileURLWithPath: executable).lastPathComponent
        let output = path("log/\(name).out")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw ClusterError("\(executable): posix_spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally with status 0 (the daemon runs on in its forked child).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw ClusterError("\(executable) failed (wait status \(status)): \(text)")
        }
    }

    /// A loopback TCP port nobody listens on now.
    private static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw ClusterError("socket() failed") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketDescriptor, generic, length) == 0
                    && getsockname(socketDescriptor, generic, &length) == 0
            }
        }
        guard bound else { throw ClusterError("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct ClusterError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

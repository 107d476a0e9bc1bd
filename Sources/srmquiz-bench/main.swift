import SRMQuizKit

print("srmquiz-bench: no benchmarks yet")

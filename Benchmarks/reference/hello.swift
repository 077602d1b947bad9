// The reference for start-up: a Swift program that only prints.
print("hello")

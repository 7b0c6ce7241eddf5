print("initlab")

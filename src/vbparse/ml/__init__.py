"""Learned components (issue 6): the section-role classifier.

Nothing here is imported by the default parse path; scikit-learn is needed only to train, and
prediction uses the saved arrays with numpy and underthesea's word segmentation.
"""
